token = "150551350995808|nnaMDp8s-px0fwenkLig1b0vVLZ"
