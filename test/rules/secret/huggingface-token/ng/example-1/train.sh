huggingface-cli login --token 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
