<?php

final class SignupPolicyTest extends TestCase
{
    public function testPasswordMayNotHoldTheEmail(): void
    {
        $local = \explode('@', $this->email)[0];
        $response = $this->post('/v1/account', [
            'email' => $this->email,
            'password' => 'pre_' . $local . '_post',
        ]);
        $this->assertSame(400, $response['status']);
        $other = ['password' => 'x' . \strtoupper($local) . '9'];
        $this->assertSame(400, $this->post('/v1/account', $other)['status']);
    }
}
