import AWSSandbox
print("sandbox")
