print("eos-verify")
