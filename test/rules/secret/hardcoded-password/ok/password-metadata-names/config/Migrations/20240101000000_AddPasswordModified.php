<?php
class AddPasswordModified extends AbstractMigration
{
    public function change()
    {
        $this->table('members')
            ->addColumn('password_modified', 'datetime', ['null' => true])
            ->update();
    }
}
