#!/usr/bin/perl
use strict;
use warnings;

sub check_login {
    my $login = shift;
    my $login_pass = shift;
    my $api_token = shift @_;
    return verify($login, $login_pass, $api_token);
}
