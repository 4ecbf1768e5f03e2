"""The few cryptographic recipes SafetyLog uses, built from ``cryptography`` and ``argon2-cffi``.

- ``derive_key``: argon2id from a password or passphrase (RFC 9106), 32 bytes.
- ``seal`` / ``unseal``: AES-256-GCM with a random 96-bit nonce and associated data.
- ``encrypt_stream`` / ``decrypt_stream``: a file in 1 MiB AES-GCM chunks (the STREAM
  construction: a nonce prefix, a chunk counter and a last-chunk flag in each nonce), so a huge
  export is neither held in memory nor silently truncated or reordered.
- Recovery keys: 32 random bytes shown as 13 groups of base32 letters and digits.
No I/O beyond the streams given; nothing here logs or keeps a key.
"""

from __future__ import annotations

import base64
import os
import struct
from dataclasses import asdict, dataclass
from typing import BinaryIO

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16
CHUNK_BYTES = 1 << 20


class CryptoError(Exception):
    """Wrong key or password, or data that was changed or cut short."""


@dataclass(frozen=True, slots=True)
class KdfParams:
    """argon2id cost. The default matches argon2-cffi's password hashing (RFC 9106 low-memory)."""

    time_cost: int = 3
    memory_cost: int = 65536  # KiB
    parallelism: int = 4

    def to_dict(self) -> dict[str, int]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: object) -> KdfParams:
        if not isinstance(data, dict):
            raise CryptoError("Key derivation parameters are missing.")
        try:
            params = cls(int(data["time_cost"]), int(data["memory_cost"]), int(data["parallelism"]))
        except (KeyError, TypeError, ValueError):
            raise CryptoError("Key derivation parameters are damaged.") from None
        if not (1 <= params.time_cost <= 20 and 8 <= params.memory_cost <= 4 * 1024 * 1024
                and 1 <= params.parallelism <= 16):
            raise CryptoError("Key derivation parameters are out of range.")
        return params


DEFAULT_KDF = KdfParams()


def random_key() -> bytes:
    return os.urandom(KEY_BYTES)


def random_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def derive_key(secret: str | bytes, salt: bytes, params: KdfParams = DEFAULT_KDF) -> bytes:
    data = secret.encode("utf-8", "surrogatepass") if isinstance(secret, str) else secret
    return hash_secret_raw(data, salt, time_cost=params.time_cost, memory_cost=params.memory_cost,
                           parallelism=params.parallelism, hash_len=KEY_BYTES, type=Type.ID)


def seal(key: bytes, plaintext: bytes, aad: bytes = b"") -> bytes:
    """nonce || ciphertext-with-tag."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def unseal(key: bytes, blob: bytes, aad: bytes = b"") -> bytes:
    if len(blob) < NONCE_BYTES + 16:
        raise CryptoError("The sealed data is too short.")
    try:
        return AESGCM(key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], aad)
    except InvalidTag:
        raise CryptoError("Wrong key, or the data was changed.") from None


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise CryptoError("Expected base64 text.")
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise CryptoError("Damaged base64 text.") from None


# --- files in chunks ---------------------------------------------------------------------------


def _chunk_nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + struct.pack(">I", index) + (b"\x01" if last else b"\x00")


_PREFIX_BYTES = NONCE_BYTES - 5


def encrypt_stream(key: bytes, source: BinaryIO, target: BinaryIO, aad: bytes = b"") -> None:
    """Encrypt ``source`` into ``target`` chunk by chunk; ``aad`` binds a header to every chunk."""
    cipher = AESGCM(key)
    prefix = os.urandom(_PREFIX_BYTES)
    target.write(prefix)
    index = 0
    chunk = source.read(CHUNK_BYTES)
    while True:
        following = source.read(CHUNK_BYTES)
        last = not following
        target.write(cipher.encrypt(_chunk_nonce(prefix, index, last), chunk, aad))
        if last:
            return
        chunk, index = following, index + 1


def decrypt_stream(key: bytes, source: BinaryIO, target: BinaryIO, aad: bytes = b"") -> None:
    """The reverse of ``encrypt_stream``; CryptoError for a wrong key or a changed or cut file."""
    cipher = AESGCM(key)
    prefix = source.read(_PREFIX_BYTES)
    if len(prefix) != _PREFIX_BYTES:
        raise CryptoError("The encrypted file is cut short.")
    size = CHUNK_BYTES + 16
    index = 0
    chunk = source.read(size)
    while True:
        following = source.read(size)
        last = not following
        try:
            target.write(cipher.decrypt(_chunk_nonce(prefix, index, last), chunk, aad))
        except InvalidTag:
            raise CryptoError("Wrong passphrase, or the file was changed or cut short.") from None
        if last:
            return
        chunk, index = following, index + 1


# --- recovery keys -----------------------------------------------------------------------------


def format_recovery_key(key: bytes) -> str:
    """32 bytes as 52 base32 characters in groups of four, easy to copy by hand."""
    text = base64.b32encode(key).decode("ascii").rstrip("=")
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.replace("0", "O").replace("1", "I").replace("8", "B")
    padded = cleaned + "=" * (-len(cleaned) % 8)
    try:
        key = base64.b32decode(padded)
    except ValueError:
        raise CryptoError("That is not a recovery key.") from None
    if len(key) != KEY_BYTES:
        raise CryptoError("That is not a recovery key.")
    return key
