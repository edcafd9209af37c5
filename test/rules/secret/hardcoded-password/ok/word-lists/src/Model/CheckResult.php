<?php

class CheckResult extends Model
{
    public function __construct()
    {
        $this->addRule('outcome', [
            'type' => self::TYPE_ENUM,
            'description' => 'Result of the check.',
            'example' => 'pass',
            'enum' => ['pass', 'fail'],
        ]);
        $this->addRule('factors', [
            'type' => self::TYPE_STRING,
            'enum' => ['password', 'totp'],
            'array' => true,
        ]);
    }
}
