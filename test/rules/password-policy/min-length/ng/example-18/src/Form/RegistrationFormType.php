<?php
class RegistrationFormType
{
    public function buildForm($builder)
    {
        $builder->add('plainPassword', PasswordType::class, ['constraints' => [new Length(['min' => 6])]]);
    }
}
