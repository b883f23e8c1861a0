"""The key-spec matrix as data: which usages and algorithms each KMS key spec allows.

Names are AWS's (KeySpec, KeyUsageType, EncryptionAlgorithmSpec, SigningAlgorithmSpec,
MacAlgorithmSpec, KeyAgreementAlgorithmSpec). SM2 and ML-DSA keys and the
ED25519_PH_SHA_512 algorithm are not offered: the cryptography library kmspolicy uses has
no implementation of them.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "DATA_KEY_BYTES",
    "KEY_SPECS",
    "MAC_ALGORITHMS",
    "OAEP_HASH",
    "SIGNING_ALGORITHMS",
    "KeySpecInfo",
    "SigningAlgorithm",
    "key_spec",
    "oaep_max_plaintext",
]


@dataclass(frozen=True, slots=True)
class SigningAlgorithm:
    scheme: str  # PSS | PKCS1 | ECDSA | ED25519
    hash: str
    digest_length: int
    raw_only: bool = False


SIGNING_ALGORITHMS: dict[str, SigningAlgorithm] = {
    "RSASSA_PSS_SHA_256": SigningAlgorithm("PSS", "SHA256", 32),
    "RSASSA_PSS_SHA_384": SigningAlgorithm("PSS", "SHA384", 48),
    "RSASSA_PSS_SHA_512": SigningAlgorithm("PSS", "SHA512", 64),
    "RSASSA_PKCS1_V1_5_SHA_256": SigningAlgorithm("PKCS1", "SHA256", 32),
    "RSASSA_PKCS1_V1_5_SHA_384": SigningAlgorithm("PKCS1", "SHA384", 48),
    "RSASSA_PKCS1_V1_5_SHA_512": SigningAlgorithm("PKCS1", "SHA512", 64),
    "ECDSA_SHA_256": SigningAlgorithm("ECDSA", "SHA256", 32),
    "ECDSA_SHA_384": SigningAlgorithm("ECDSA", "SHA384", 48),
    "ECDSA_SHA_512": SigningAlgorithm("ECDSA", "SHA512", 64),
    "ED25519_SHA_512": SigningAlgorithm("ED25519", "SHA512", 64, raw_only=True),
}

# MacAlgorithmSpec -> (hash, tag length in bytes)
MAC_ALGORITHMS: dict[str, tuple[str, int]] = {
    "HMAC_SHA_224": ("SHA224", 28),
    "HMAC_SHA_256": ("SHA256", 32),
    "HMAC_SHA_384": ("SHA384", 48),
    "HMAC_SHA_512": ("SHA512", 64),
}

OAEP_HASH: dict[str, str] = {"RSAES_OAEP_SHA_1": "SHA1", "RSAES_OAEP_SHA_256": "SHA256"}
_HASH_LEN = {"SHA1": 20, "SHA256": 32}

DATA_KEY_BYTES: dict[str, int] = {"AES_256": 32, "AES_128": 16}

_RSA_SIGNING = tuple(a for a in SIGNING_ALGORITHMS if a.startswith("RSASSA_"))


@dataclass(frozen=True, slots=True)
class KeySpecInfo:
    """One key spec: its family, size or curve, and algorithms per key usage."""

    name: str
    family: str  # SYMMETRIC | HMAC | RSA | EC | ED25519
    size: int  # bits for RSA / HMAC / symmetric; 0 for curves
    curve: str  # P256 | P384 | P521 | SECP256K1 | ""
    encryption: tuple[str, ...] = ()
    signing: tuple[str, ...] = ()
    mac: tuple[str, ...] = ()
    key_agreement: tuple[str, ...] = ()

    @property
    def usages(self) -> tuple[str, ...]:
        pairs = (
            ("ENCRYPT_DECRYPT", self.encryption),
            ("SIGN_VERIFY", self.signing),
            ("GENERATE_VERIFY_MAC", self.mac),
            ("KEY_AGREEMENT", self.key_agreement),
        )
        return tuple(usage for usage, algs in pairs if algs)

    def algorithms(self, usage: str) -> tuple[str, ...]:
        return {
            "ENCRYPT_DECRYPT": self.encryption,
            "SIGN_VERIFY": self.signing,
            "GENERATE_VERIFY_MAC": self.mac,
            "KEY_AGREEMENT": self.key_agreement,
        }.get(usage, ())

    @property
    def secret_length(self) -> int:
        """Bytes of secret material for symmetric and HMAC specs (0 for key pairs)."""
        return self.size // 8 if self.family in ("SYMMETRIC", "HMAC") else 0


def _specs() -> dict[str, KeySpecInfo]:
    specs = [
        KeySpecInfo("SYMMETRIC_DEFAULT", "SYMMETRIC", 256, "", encryption=("SYMMETRIC_DEFAULT",))
    ]
    for bits in (224, 256, 384, 512):
        specs.append(KeySpecInfo(f"HMAC_{bits}", "HMAC", bits, "", mac=(f"HMAC_SHA_{bits}",)))
    for bits in (2048, 3072, 4096):
        specs.append(
            KeySpecInfo(
                f"RSA_{bits}", "RSA", bits, "", encryption=tuple(OAEP_HASH), signing=_RSA_SIGNING
            )
        )
    for name, curve, alg in (
        ("ECC_NIST_P256", "P256", "ECDSA_SHA_256"),
        ("ECC_NIST_P384", "P384", "ECDSA_SHA_384"),
        ("ECC_NIST_P521", "P521", "ECDSA_SHA_512"),
    ):
        specs.append(KeySpecInfo(name, "EC", 0, curve, signing=(alg,), key_agreement=("ECDH",)))
    specs.append(KeySpecInfo("ECC_SECG_P256K1", "EC", 0, "SECP256K1", signing=("ECDSA_SHA_256",)))
    specs.append(
        KeySpecInfo("ECC_NIST_EDWARDS25519", "ED25519", 0, "", signing=("ED25519_SHA_512",))
    )
    return {s.name: s for s in specs}


KEY_SPECS: dict[str, KeySpecInfo] = _specs()


def key_spec(name: str) -> KeySpecInfo:
    try:
        return KEY_SPECS[name]
    except KeyError:
        raise ValueError(f"unsupported key spec {name!r}") from None


def oaep_max_plaintext(modulus_bits: int, algorithm: str) -> int:
    """Largest plaintext RSAES-OAEP takes: k - 2*hLen - 2 bytes (RSA_2048: 214 / 190)."""
    return modulus_bits // 8 - 2 * _HASH_LEN[OAEP_HASH[algorithm]] - 2
