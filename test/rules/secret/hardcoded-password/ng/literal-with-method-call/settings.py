# A method called on the literal still leaves the literal written out.
import hashlib

ADMIN_PASSWORD = "Vq7#pL2wRz9!mK4t".encode("utf-8")
ADMIN_DIGEST = hashlib.sha256(ADMIN_PASSWORD).hexdigest()
