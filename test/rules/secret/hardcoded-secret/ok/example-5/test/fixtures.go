nonMatchingToken := "q5cxe6zizkeefr82"
