const key = "AIza9mFvucCJST0BPyw_qR14Pj1bEyax_iVu3R6";
