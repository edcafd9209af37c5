<?php
class Member extends Entry
{
    protected string $passwordAttribute = 'userpassword';
}
