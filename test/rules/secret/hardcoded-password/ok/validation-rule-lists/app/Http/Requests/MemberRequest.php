<?php
class MemberRequest extends FormRequest
{
    public function rules()
    {
        return [
            'name' => 'required|min:5|max:50|',
            'password' => 'required|min:12|max:64|',
        ];
    }
}
