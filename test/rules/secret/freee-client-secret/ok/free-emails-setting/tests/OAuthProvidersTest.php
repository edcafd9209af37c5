<?php

final class OAuthProvidersTest extends ConsoleTestCase
{
    public function testGitLabProvider(): void
    {
        $project = $this->createProject(['authFreeEmails' => true]);
        $response = $this->client->call('PATCH', '/projects/' . $project . '/oauth2', [
            'provider' => 'gitlab',
            'appId' => 'gitlab-app-id',
            'clientSecret' => 'gitlab-client-secret-for-tests',
            'enabled' => false,
        ]);
        $this->assertEquals(200, $response['headers']['status-code']);
        $this->assertFalse($response['body']['authFreeEmails']);
    }
}
