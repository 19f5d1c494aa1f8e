"""CSRF secrets and masks drawn from one read of the random source rather than one per character,
and the mask laid over the secret by table.

Django draws each of a CSRF string's 32 characters with a call of its own to `secrets.choice`,
and a new visitor's heart form needs two such strings (the secret and the mask over it): some 7 %
of a cached story page's time. These are the same 62 characters, as likely each, from the same
source: of the random bytes, those of 248 (4 × 62) and over are dropped, so that every character
stands for four byte values. Django then masks the secret by looking up each character's place in
the alphabet with `str.index`, twice per character; the table below gives each pair's sum at once.
"""

import secrets

from django.middleware import csrf

CHARACTERS = csrf.CSRF_ALLOWED_CHARS
USABLE_BYTES = 256 // len(CHARACTERS) * len(CHARACTERS)
LENGTH = csrf.CSRF_SECRET_LENGTH
# For bytes.translate: each byte value's character, and the values dropped.
CHARACTER_OF_BYTE = bytes(ord(CHARACTERS[byte % len(CHARACTERS)]) for byte in range(256))
DROPPED_BYTES = bytes(range(USABLE_BYTES, 256))
# (secret character, mask character) -> the cipher character: their places added modulo 62.
CIPHER_OF = {
    (secret, mask): CHARACTERS[(i + j) % len(CHARACTERS)]
    for i, secret in enumerate(CHARACTERS) for j, mask in enumerate(CHARACTERS)
}


def new_csrf_string():
    """What Django's own draw gives: LENGTH characters of CSRF_ALLOWED_CHARS, each uniformly at random."""
    drawn = b""
    while len(drawn) < LENGTH:
        # A few bytes over: one in thirty-two is dropped.
        drawn += secrets.token_bytes(LENGTH + 8).translate(CHARACTER_OF_BYTE, DROPPED_BYTES)
    return drawn[:LENGTH].decode()


def masked(secret):
    """Django's token for `secret`: a new mask, then the secret with the mask added, as Django's
    own `_unmask_cipher_token` takes it apart.

    Only for secrets the middleware has checked (32 characters of the alphabet): any other is
    refused with an error, where Django's would make a broken token.
    """
    mask = new_csrf_string()
    return mask + "".join(map(CIPHER_OF.__getitem__, zip(secret, mask, strict=True)))


def install():
    """Django's CSRF middleware looks its string maker and its mask up by these private names on
    every call, so replacing them there is enough; a test makes a token through Django and checks
    it came from here, so an upgrade that renames them does not lose this unnoticed."""
    csrf._get_new_csrf_string = new_csrf_string
    csrf._mask_cipher_secret = masked
