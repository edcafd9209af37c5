huggingface-cli login --token $HF_TOKEN
