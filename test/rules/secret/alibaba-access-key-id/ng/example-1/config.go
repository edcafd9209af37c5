alibabaKey := "LTAIofiyvzjhfb54uwttz0x9"
