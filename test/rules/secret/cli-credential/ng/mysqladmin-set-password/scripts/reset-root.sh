#!/bin/sh
set -e
mysqladmin -u root password "Tq7vLm2xHk4nWq9z"
