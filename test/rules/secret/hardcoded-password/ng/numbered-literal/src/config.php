<?php
$db_password = 'Tulip-Garden_7';
