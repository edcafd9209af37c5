#!/bin/sh
./deploy-tool sync --admin-password "Hk4nWq9zTr7vLm2x" --target staging
