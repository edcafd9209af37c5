Function BuildPassword([int] $length = 32)
{
    $bytes = New-Object byte[]($length)
    [System.Security.Cryptography.RandomNumberGenerator]::Fill($bytes)
    $chars = $bytes | ForEach-Object { [char](33 + $_ % 94) }
    $password = (-join $chars)
    return $password
}

Write-Host "Creating the web application registration"
$pw = BuildPassword
$clientSecret = Get-Secret -Name "webapp-client-secret" -AsPlainText
$cred = New-AppCredential -Password $pw
