<?php
class MembersTable extends Table
{
    public function validationDefault(Validator $validator): Validator
    {
        $validator->add('password_1', [
            'match' => ['rule' => ['compareWith', ['password_1', 'password_2']]],
        ]);
        return $validator;
    }
}
