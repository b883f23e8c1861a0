"""The quick input test of every KMS operation, written from the API model by
``kmspolicy.kms.validation.checks_source`` (see ``fast_check``): do not edit. Regenerate
with ``python -c "import kmspolicy.kms.validation as v; v.write_checks()"``."""

# ruff: noqa
# mypy: ignore-errors
from collections.abc import Callable
from typing import Any

from kmspolicy.kms.validation import _list_fits, _pattern, _plain_map


_c0 = frozenset(('KeyId',))
_c1 = frozenset(('CustomKeyStoreId',))
_c2 = frozenset(('AliasName', 'TargetKeyId'))
_c3 = _pattern('^[a-zA-Z0-9:/_-]+$').fullmatch
_c4 = frozenset(('CloudHsmClusterId', 'CustomKeyStoreName', 'CustomKeyStoreType', 'KeyStorePassword', 'TrustAnchorCertificate', 'XksProxyAuthenticationCredential', 'XksProxyConnectivity', 'XksProxyUriEndpoint', 'XksProxyUriPath', 'XksProxyVpcEndpointServiceName', 'XksProxyVpcEndpointServiceOwner'))
_c5 = _pattern('cluster-[2-7a-zA-Z]{11,16}').fullmatch
_c6 = frozenset(('AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE'))
_c7 = frozenset(('PUBLIC_ENDPOINT', 'VPC_ENDPOINT_SERVICE'))
_c8 = _pattern('^https://[a-zA-Z0-9.-]+$').fullmatch
_c9 = _pattern('^(/[a-zA-Z0-9\\/_-]+/kms/xks/v\\d{1,2})$|^(/kms/xks/v\\d{1,2})$').fullmatch
_c10 = _pattern('^(com|eu)\\.amazonaws\\.vpce\\.([a-z]+-){2,3}\\d+\\.vpce-svc-[0-9a-z]+$').fullmatch
_c11 = _pattern('[0-9]{12}').fullmatch
_c12 = frozenset(('Constraints', 'DryRun', 'GrantTokens', 'GranteePrincipal', 'KeyId', 'Name', 'Operations', 'RetiringPrincipal'))
_c13 = lambda v: type(v) is str and len(v) >= 1 and len(v) <= 8192
_c14 = _pattern('^[\\w+=,.@:/-]+$').fullmatch
_c15 = _pattern('^[a-zA-Z0-9:/_-]+$').fullmatch
_c16 = frozenset(('CreateGrant', 'Decrypt', 'DeriveSharedSecret', 'DescribeKey', 'Encrypt', 'GenerateDataKey', 'GenerateDataKeyPair', 'GenerateDataKeyPairWithoutPlaintext', 'GenerateDataKeyWithoutPlaintext', 'GenerateMac', 'GetPublicKey', 'ReEncryptFrom', 'ReEncryptTo', 'RetireGrant', 'Sign', 'Verify', 'VerifyMac'))
_c17 = lambda v: type(v) is str and v in _c16
_c18 = _pattern('^[\\w+=,.@:/-]+$').fullmatch
_c19 = frozenset(('BypassPolicyLockoutSafetyCheck', 'CustomKeyStoreId', 'CustomerMasterKeySpec', 'Description', 'KeySpec', 'KeyUsage', 'MultiRegion', 'Origin', 'Policy', 'Tags', 'XksKeyId'))
_c20 = frozenset(('ECC_NIST_P256', 'ECC_NIST_P384', 'ECC_NIST_P521', 'ECC_SECG_P256K1', 'HMAC_224', 'HMAC_256', 'HMAC_384', 'HMAC_512', 'RSA_2048', 'RSA_3072', 'RSA_4096', 'SM2', 'SYMMETRIC_DEFAULT'))
_c21 = frozenset(('ECC_NIST_EDWARDS25519', 'ECC_NIST_P256', 'ECC_NIST_P384', 'ECC_NIST_P521', 'ECC_SECG_P256K1', 'HMAC_224', 'HMAC_256', 'HMAC_384', 'HMAC_512', 'ML_DSA_44', 'ML_DSA_65', 'ML_DSA_87', 'RSA_2048', 'RSA_3072', 'RSA_4096', 'SM2', 'SYMMETRIC_DEFAULT'))
_c22 = frozenset(('ENCRYPT_DECRYPT', 'GENERATE_VERIFY_MAC', 'KEY_AGREEMENT', 'SIGN_VERIFY'))
_c23 = frozenset(('AWS_CLOUDHSM', 'AWS_KMS', 'EXTERNAL', 'EXTERNAL_KEY_STORE'))
_c24 = _pattern('[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+').fullmatch
_c25 = _pattern('^[a-zA-Z0-9-_.]+$').fullmatch
_c26 = frozenset(('CiphertextBlob', 'DryRun', 'DryRunModifiers', 'EncryptionAlgorithm', 'EncryptionContext', 'GrantTokens', 'KeyId', 'Recipient'))
_c27 = frozenset(('IGNORE_CIPHERTEXT',))
_c28 = lambda v: type(v) is str and v in _c27
_c29 = frozenset(('RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256', 'SM2PKE', 'SYMMETRIC_DEFAULT'))
_c30 = lambda v: type(v) is str and len(v) >= 1 and len(v) <= 8192
_c31 = frozenset(('AliasName',))
_c32 = _pattern('^[a-zA-Z0-9:/_-]+$').fullmatch
_c33 = frozenset(('CustomKeyStoreId',))
_c34 = frozenset(('KeyId', 'KeyMaterialId'))
_c35 = _pattern('^[a-f0-9]+$').fullmatch
_c36 = frozenset(('DryRun', 'GrantTokens', 'KeyAgreementAlgorithm', 'KeyId', 'PublicKey', 'Recipient'))
_c37 = lambda v: type(v) is str and len(v) >= 1 and len(v) <= 8192
_c38 = frozenset(('ECDH',))
_c39 = frozenset(('CustomKeyStoreId', 'CustomKeyStoreName', 'Limit', 'Marker'))
_c40 = _pattern('[\\u0020-\\u00FF]*').fullmatch
_c41 = frozenset(('GrantTokens', 'KeyId'))
_c42 = lambda v: type(v) is str and len(v) >= 1 and len(v) <= 8192
_c43 = frozenset(('KeyId',))
_c44 = frozenset(('KeyId',))
_c45 = frozenset(('CustomKeyStoreId',))
_c46 = frozenset(('KeyId',))
_c47 = frozenset(('KeyId', 'RotationPeriodInDays'))
_c48 = frozenset(('DryRun', 'EncryptionAlgorithm', 'EncryptionContext', 'GrantTokens', 'KeyId', 'Plaintext'))
_c49 = frozenset(('RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256', 'SM2PKE', 'SYMMETRIC_DEFAULT'))
_c50 = lambda v: type(v) is str and len(v) >= 1 and len(v) <= 8192
_c51 = frozenset(('DryRun', 'EncryptionContext', 'GrantTokens', 'KeyId', 'KeySpec', 'NumberOfBytes', 'Recipient'))
_c52 = lambda v: type(v) is str and len(v) >= 1 and len(v) <= 8192
_c53 = frozenset(('AES_128', 'AES_256'))
_c54 = frozenset(('DryRun', 'EncryptionContext', 'GrantTokens', 'KeyId', 'KeyPairSpec', 'Recipient'))
_c55 = lambda v: type(v) is str and len(v) >= 1 and len(v) <= 8192
_c56 = frozenset(('ECC_NIST_EDWARDS25519', 'ECC_NIST_P256', 'ECC_NIST_P384', 'ECC_NIST_P521', 'ECC_SECG_P256K1', 'RSA_2048', 'RSA_3072', 'RSA_4096', 'SM2'))
_c57 = frozenset(('DryRun', 'EncryptionContext', 'GrantTokens', 'KeyId', 'KeyPairSpec'))
_c58 = lambda v: type(v) is str and len(v) >= 1 and len(v) <= 8192
_c59 = frozenset(('ECC_NIST_EDWARDS25519', 'ECC_NIST_P256', 'ECC_NIST_P384', 'ECC_NIST_P521', 'ECC_SECG_P256K1', 'RSA_2048', 'RSA_3072', 'RSA_4096', 'SM2'))
_c60 = frozenset(('DryRun', 'EncryptionContext', 'GrantTokens', 'KeyId', 'KeySpec', 'NumberOfBytes'))
_c61 = lambda v: type(v) is str and len(v) >= 1 and len(v) <= 8192
_c62 = frozenset(('AES_128', 'AES_256'))
_c63 = frozenset(('DryRun', 'GrantTokens', 'KeyId', 'MacAlgorithm', 'Message'))
_c64 = lambda v: type(v) is str and len(v) >= 1 and len(v) <= 8192
_c65 = frozenset(('HMAC_SHA_224', 'HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512'))
_c66 = frozenset(('CustomKeyStoreId', 'NumberOfBytes', 'Recipient'))
_c67 = frozenset(('KeyId',))
_c68 = frozenset(('KeyId', 'PolicyName'))
_c69 = _pattern('[\\w]+').fullmatch
_c70 = frozenset(('KeyId',))
_c71 = frozenset(('KeyId', 'WrappingAlgorithm', 'WrappingKeySpec'))
_c72 = frozenset(('RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256', 'RSAES_PKCS1_V1_5', 'RSA_AES_KEY_WRAP_SHA_1', 'RSA_AES_KEY_WRAP_SHA_256', 'SM2PKE'))
_c73 = frozenset(('RSA_2048', 'RSA_3072', 'RSA_4096', 'SM2'))
_c74 = frozenset(('GrantTokens', 'KeyId'))
_c75 = lambda v: type(v) is str and len(v) >= 1 and len(v) <= 8192
_c76 = frozenset(('EncryptedKeyMaterial', 'ExpirationModel', 'ImportToken', 'ImportType', 'KeyId', 'KeyMaterialDescription', 'KeyMaterialId', 'ValidTo'))
_c77 = frozenset(('KEY_MATERIAL_DOES_NOT_EXPIRE', 'KEY_MATERIAL_EXPIRES'))
_c78 = frozenset(('EXISTING_KEY_MATERIAL', 'NEW_KEY_MATERIAL'))
_c79 = _pattern('^[a-zA-Z0-9:/_\\s.-]+$').fullmatch
_c80 = _pattern('^[a-f0-9]+$').fullmatch
_c81 = frozenset(('KeyId', 'Limit', 'Marker'))
_c82 = _pattern('[\\u0020-\\u00FF]*').fullmatch
_c83 = frozenset(('GrantId', 'GranteePrincipal', 'KeyId', 'Limit', 'Marker'))
_c84 = _pattern('^[\\w+=,.@:/-]+$').fullmatch
_c85 = _pattern('[\\u0020-\\u00FF]*').fullmatch
_c86 = frozenset(('KeyId', 'Limit', 'Marker'))
_c87 = _pattern('[\\u0020-\\u00FF]*').fullmatch
_c88 = frozenset(('IncludeKeyMaterial', 'KeyId', 'Limit', 'Marker'))
_c89 = frozenset(('ALL_KEY_MATERIAL', 'ROTATIONS_ONLY'))
_c90 = _pattern('[\\u0020-\\u00FF]*').fullmatch
_c91 = frozenset(('Limit', 'Marker'))
_c92 = _pattern('[\\u0020-\\u00FF]*').fullmatch
_c93 = frozenset(('KeyId', 'Limit', 'Marker'))
_c94 = _pattern('[\\u0020-\\u00FF]*').fullmatch
_c95 = frozenset(('Limit', 'Marker', 'RetiringPrincipal'))
_c96 = _pattern('[\\u0020-\\u00FF]*').fullmatch
_c97 = _pattern('^[\\w+=,.@:/-]+$').fullmatch
_c98 = frozenset(('BypassPolicyLockoutSafetyCheck', 'KeyId', 'Policy', 'PolicyName'))
_c99 = _pattern('[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+').fullmatch
_c100 = _pattern('[\\w]+').fullmatch
_c101 = frozenset(('CiphertextBlob', 'DestinationEncryptionAlgorithm', 'DestinationEncryptionContext', 'DestinationKeyId', 'DryRun', 'DryRunModifiers', 'GrantTokens', 'SourceEncryptionAlgorithm', 'SourceEncryptionContext', 'SourceKeyId'))
_c102 = frozenset(('RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256', 'SM2PKE', 'SYMMETRIC_DEFAULT'))
_c103 = frozenset(('IGNORE_CIPHERTEXT',))
_c104 = lambda v: type(v) is str and v in _c103
_c105 = lambda v: type(v) is str and len(v) >= 1 and len(v) <= 8192
_c106 = frozenset(('RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256', 'SM2PKE', 'SYMMETRIC_DEFAULT'))
_c107 = frozenset(('BypassPolicyLockoutSafetyCheck', 'Description', 'KeyId', 'Policy', 'ReplicaRegion', 'Tags'))
_c108 = _pattern('[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+').fullmatch
_c109 = _pattern('^([a-z]+-){2,3}\\d+$').fullmatch
_c110 = frozenset(('DryRun', 'GrantId', 'GrantToken', 'KeyId'))
_c111 = frozenset(('DryRun', 'GrantId', 'KeyId'))
_c112 = frozenset(('KeyId',))
_c113 = frozenset(('KeyId', 'PendingWindowInDays'))
_c114 = frozenset(('DryRun', 'GrantTokens', 'KeyId', 'Message', 'MessageType', 'SigningAlgorithm'))
_c115 = lambda v: type(v) is str and len(v) >= 1 and len(v) <= 8192
_c116 = frozenset(('DIGEST', 'EXTERNAL_MU', 'RAW'))
_c117 = frozenset(('ECDSA_SHA_256', 'ECDSA_SHA_384', 'ECDSA_SHA_512', 'ED25519_PH_SHA_512', 'ED25519_SHA_512', 'ML_DSA_SHAKE_256', 'RSASSA_PKCS1_V1_5_SHA_256', 'RSASSA_PKCS1_V1_5_SHA_384', 'RSASSA_PKCS1_V1_5_SHA_512', 'RSASSA_PSS_SHA_256', 'RSASSA_PSS_SHA_384', 'RSASSA_PSS_SHA_512', 'SM2DSA'))
_c118 = frozenset(('KeyId', 'Tags'))
_c119 = frozenset(('KeyId', 'TagKeys'))
_c120 = lambda v: type(v) is str and len(v) >= 1 and len(v) <= 128
_c121 = frozenset(('AliasName', 'TargetKeyId'))
_c122 = _pattern('^[a-zA-Z0-9:/_-]+$').fullmatch
_c123 = frozenset(('CloudHsmClusterId', 'CustomKeyStoreId', 'KeyStorePassword', 'NewCustomKeyStoreName', 'XksProxyAuthenticationCredential', 'XksProxyConnectivity', 'XksProxyUriEndpoint', 'XksProxyUriPath', 'XksProxyVpcEndpointServiceName', 'XksProxyVpcEndpointServiceOwner'))
_c124 = _pattern('cluster-[2-7a-zA-Z]{11,16}').fullmatch
_c125 = frozenset(('PUBLIC_ENDPOINT', 'VPC_ENDPOINT_SERVICE'))
_c126 = _pattern('^https://[a-zA-Z0-9.-]+$').fullmatch
_c127 = _pattern('^(/[a-zA-Z0-9\\/_-]+/kms/xks/v\\d{1,2})$|^(/kms/xks/v\\d{1,2})$').fullmatch
_c128 = _pattern('^(com|eu)\\.amazonaws\\.vpce\\.([a-z]+-){2,3}\\d+\\.vpce-svc-[0-9a-z]+$').fullmatch
_c129 = _pattern('[0-9]{12}').fullmatch
_c130 = frozenset(('Description', 'KeyId'))
_c131 = frozenset(('KeyId', 'PrimaryRegion'))
_c132 = _pattern('^([a-z]+-){2,3}\\d+$').fullmatch
_c133 = frozenset(('DryRun', 'GrantTokens', 'KeyId', 'Message', 'MessageType', 'Signature', 'SigningAlgorithm'))
_c134 = lambda v: type(v) is str and len(v) >= 1 and len(v) <= 8192
_c135 = frozenset(('DIGEST', 'EXTERNAL_MU', 'RAW'))
_c136 = frozenset(('ECDSA_SHA_256', 'ECDSA_SHA_384', 'ECDSA_SHA_512', 'ED25519_PH_SHA_512', 'ED25519_SHA_512', 'ML_DSA_SHAKE_256', 'RSASSA_PKCS1_V1_5_SHA_256', 'RSASSA_PKCS1_V1_5_SHA_384', 'RSASSA_PKCS1_V1_5_SHA_512', 'RSASSA_PSS_SHA_256', 'RSASSA_PSS_SHA_384', 'RSASSA_PSS_SHA_512', 'SM2DSA'))
_c137 = frozenset(('DryRun', 'GrantTokens', 'KeyId', 'Mac', 'MacAlgorithm', 'Message'))
_c138 = lambda v: type(v) is str and len(v) >= 1 and len(v) <= 8192
_c139 = frozenset(('HMAC_SHA_224', 'HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512'))


def fits_CancelKeyDeletion(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c0:
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    return True



def fits_ConnectCustomKeyStore(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c1:
        return False
    v = params.get('CustomKeyStoreId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 64):
        return False
    return True



def fits_CreateAlias(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c2:
        return False
    v = params.get('AliasName')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 256 and _c3(v) is not None):
        return False
    v = params.get('TargetKeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    return True



def fits_CreateCustomKeyStore(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c4:
        return False
    v = params.get('CloudHsmClusterId')
    if v is not None and not (type(v) is str and len(v) >= 19 and len(v) <= 24 and _c5(v) is not None):
        return False
    v = params.get('CustomKeyStoreName')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 256):
        return False
    v = params.get('CustomKeyStoreType')
    if v is not None and not (type(v) is str and v in _c6):
        return False
    v = params.get('KeyStorePassword')
    if v is not None and not (type(v) is str and len(v) >= 7 and len(v) <= 32):
        return False
    v = params.get('TrustAnchorCertificate')
    if v is not None and not (type(v) is str and len(v) >= 1 and len(v) <= 5000):
        return False
    v = params.get('XksProxyAuthenticationCredential')
    if v is not None:
        return False
    v = params.get('XksProxyConnectivity')
    if v is not None and not (type(v) is str and v in _c7):
        return False
    v = params.get('XksProxyUriEndpoint')
    if v is not None and not (type(v) is str and len(v) >= 10 and len(v) <= 128 and _c8(v) is not None):
        return False
    v = params.get('XksProxyUriPath')
    if v is not None and not (type(v) is str and len(v) >= 10 and len(v) <= 128 and _c9(v) is not None):
        return False
    v = params.get('XksProxyVpcEndpointServiceName')
    if v is not None and not (type(v) is str and len(v) >= 20 and len(v) <= 64 and _c10(v) is not None):
        return False
    v = params.get('XksProxyVpcEndpointServiceOwner')
    if v is not None and not (type(v) is str and len(v) >= 12 and len(v) <= 12 and _c11(v) is not None):
        return False
    return True



def fits_CreateGrant(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c12:
        return False
    v = params.get('Constraints')
    if v is not None:
        return False
    v = params.get('DryRun')
    if v is not None and not (type(v) is bool):
        return False
    v = params.get('GrantTokens')
    if v is not None and not (type(v) is list and len(v) >= 0 and len(v) <= 10 and _list_fits(v, _c13)):
        return False
    v = params.get('GranteePrincipal')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 256 and _c14(v) is not None):
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    v = params.get('Name')
    if v is not None and not (type(v) is str and len(v) >= 1 and len(v) <= 256 and _c15(v) is not None):
        return False
    v = params.get('Operations')
    if v is None:
        return False
    if not (type(v) is list and _list_fits(v, _c17)):
        return False
    v = params.get('RetiringPrincipal')
    if v is not None and not (type(v) is str and len(v) >= 1 and len(v) <= 256 and _c18(v) is not None):
        return False
    return True



def fits_CreateKey(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c19:
        return False
    v = params.get('BypassPolicyLockoutSafetyCheck')
    if v is not None and not (type(v) is bool):
        return False
    v = params.get('CustomKeyStoreId')
    if v is not None and not (type(v) is str and len(v) >= 1 and len(v) <= 64):
        return False
    v = params.get('CustomerMasterKeySpec')
    if v is not None and not (type(v) is str and v in _c20):
        return False
    v = params.get('Description')
    if v is not None and not (type(v) is str and len(v) >= 0 and len(v) <= 8192):
        return False
    v = params.get('KeySpec')
    if v is not None and not (type(v) is str and v in _c21):
        return False
    v = params.get('KeyUsage')
    if v is not None and not (type(v) is str and v in _c22):
        return False
    v = params.get('MultiRegion')
    if v is not None and not (type(v) is bool):
        return False
    v = params.get('Origin')
    if v is not None and not (type(v) is str and v in _c23):
        return False
    v = params.get('Policy')
    if v is not None and not (type(v) is str and len(v) >= 1 and len(v) <= 131072 and _c24(v) is not None):
        return False
    v = params.get('Tags')
    if v is not None:
        return False
    v = params.get('XksKeyId')
    if v is not None and not (type(v) is str and len(v) >= 1 and len(v) <= 128 and _c25(v) is not None):
        return False
    return True



def fits_Decrypt(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c26:
        return False
    v = params.get('CiphertextBlob')
    if v is not None and not (type(v) is bytes and len(v) >= 1 and len(v) <= 6144):
        return False
    v = params.get('DryRun')
    if v is not None and not (type(v) is bool):
        return False
    v = params.get('DryRunModifiers')
    if v is not None and not (type(v) is list and _list_fits(v, _c28)):
        return False
    v = params.get('EncryptionAlgorithm')
    if v is not None and not (type(v) is str and v in _c29):
        return False
    v = params.get('EncryptionContext')
    if v is not None and not (type(v) is dict and _plain_map(v)):
        return False
    v = params.get('GrantTokens')
    if v is not None and not (type(v) is list and len(v) >= 0 and len(v) <= 10 and _list_fits(v, _c30)):
        return False
    v = params.get('KeyId')
    if v is not None and not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    v = params.get('Recipient')
    if v is not None:
        return False
    return True



def fits_DeleteAlias(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c31:
        return False
    v = params.get('AliasName')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 256 and _c32(v) is not None):
        return False
    return True



def fits_DeleteCustomKeyStore(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c33:
        return False
    v = params.get('CustomKeyStoreId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 64):
        return False
    return True



def fits_DeleteImportedKeyMaterial(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c34:
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    v = params.get('KeyMaterialId')
    if v is not None and not (type(v) is str and len(v) >= 64 and len(v) <= 64 and _c35(v) is not None):
        return False
    return True



def fits_DeriveSharedSecret(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c36:
        return False
    v = params.get('DryRun')
    if v is not None and not (type(v) is bool):
        return False
    v = params.get('GrantTokens')
    if v is not None and not (type(v) is list and len(v) >= 0 and len(v) <= 10 and _list_fits(v, _c37)):
        return False
    v = params.get('KeyAgreementAlgorithm')
    if v is None:
        return False
    if not (type(v) is str and v in _c38):
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    v = params.get('PublicKey')
    if v is None:
        return False
    if not (type(v) is bytes and len(v) >= 1 and len(v) <= 8192):
        return False
    v = params.get('Recipient')
    if v is not None:
        return False
    return True



def fits_DescribeCustomKeyStores(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c39:
        return False
    v = params.get('CustomKeyStoreId')
    if v is not None and not (type(v) is str and len(v) >= 1 and len(v) <= 64):
        return False
    v = params.get('CustomKeyStoreName')
    if v is not None and not (type(v) is str and len(v) >= 1 and len(v) <= 256):
        return False
    v = params.get('Limit')
    if v is not None and not (type(v) is int and v >= 1 and v <= 1000):
        return False
    v = params.get('Marker')
    if v is not None and not (type(v) is str and len(v) >= 1 and len(v) <= 1024 and _c40(v) is not None):
        return False
    return True



def fits_DescribeKey(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c41:
        return False
    v = params.get('GrantTokens')
    if v is not None and not (type(v) is list and len(v) >= 0 and len(v) <= 10 and _list_fits(v, _c42)):
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    return True



def fits_DisableKey(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c43:
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    return True



def fits_DisableKeyRotation(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c44:
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    return True



def fits_DisconnectCustomKeyStore(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c45:
        return False
    v = params.get('CustomKeyStoreId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 64):
        return False
    return True



def fits_EnableKey(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c46:
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    return True



def fits_EnableKeyRotation(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c47:
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    v = params.get('RotationPeriodInDays')
    if v is not None and not (type(v) is int and v >= 90 and v <= 2560):
        return False
    return True



def fits_Encrypt(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c48:
        return False
    v = params.get('DryRun')
    if v is not None and not (type(v) is bool):
        return False
    v = params.get('EncryptionAlgorithm')
    if v is not None and not (type(v) is str and v in _c49):
        return False
    v = params.get('EncryptionContext')
    if v is not None and not (type(v) is dict and _plain_map(v)):
        return False
    v = params.get('GrantTokens')
    if v is not None and not (type(v) is list and len(v) >= 0 and len(v) <= 10 and _list_fits(v, _c50)):
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    v = params.get('Plaintext')
    if v is None:
        return False
    if not (type(v) is bytes and len(v) >= 1 and len(v) <= 4096):
        return False
    return True



def fits_GenerateDataKey(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c51:
        return False
    v = params.get('DryRun')
    if v is not None and not (type(v) is bool):
        return False
    v = params.get('EncryptionContext')
    if v is not None and not (type(v) is dict and _plain_map(v)):
        return False
    v = params.get('GrantTokens')
    if v is not None and not (type(v) is list and len(v) >= 0 and len(v) <= 10 and _list_fits(v, _c52)):
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    v = params.get('KeySpec')
    if v is not None and not (type(v) is str and v in _c53):
        return False
    v = params.get('NumberOfBytes')
    if v is not None and not (type(v) is int and v >= 1 and v <= 1024):
        return False
    v = params.get('Recipient')
    if v is not None:
        return False
    return True



def fits_GenerateDataKeyPair(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c54:
        return False
    v = params.get('DryRun')
    if v is not None and not (type(v) is bool):
        return False
    v = params.get('EncryptionContext')
    if v is not None and not (type(v) is dict and _plain_map(v)):
        return False
    v = params.get('GrantTokens')
    if v is not None and not (type(v) is list and len(v) >= 0 and len(v) <= 10 and _list_fits(v, _c55)):
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    v = params.get('KeyPairSpec')
    if v is None:
        return False
    if not (type(v) is str and v in _c56):
        return False
    v = params.get('Recipient')
    if v is not None:
        return False
    return True



def fits_GenerateDataKeyPairWithoutPlaintext(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c57:
        return False
    v = params.get('DryRun')
    if v is not None and not (type(v) is bool):
        return False
    v = params.get('EncryptionContext')
    if v is not None and not (type(v) is dict and _plain_map(v)):
        return False
    v = params.get('GrantTokens')
    if v is not None and not (type(v) is list and len(v) >= 0 and len(v) <= 10 and _list_fits(v, _c58)):
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    v = params.get('KeyPairSpec')
    if v is None:
        return False
    if not (type(v) is str and v in _c59):
        return False
    return True



def fits_GenerateDataKeyWithoutPlaintext(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c60:
        return False
    v = params.get('DryRun')
    if v is not None and not (type(v) is bool):
        return False
    v = params.get('EncryptionContext')
    if v is not None and not (type(v) is dict and _plain_map(v)):
        return False
    v = params.get('GrantTokens')
    if v is not None and not (type(v) is list and len(v) >= 0 and len(v) <= 10 and _list_fits(v, _c61)):
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    v = params.get('KeySpec')
    if v is not None and not (type(v) is str and v in _c62):
        return False
    v = params.get('NumberOfBytes')
    if v is not None and not (type(v) is int and v >= 1 and v <= 1024):
        return False
    return True



def fits_GenerateMac(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c63:
        return False
    v = params.get('DryRun')
    if v is not None and not (type(v) is bool):
        return False
    v = params.get('GrantTokens')
    if v is not None and not (type(v) is list and len(v) >= 0 and len(v) <= 10 and _list_fits(v, _c64)):
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    v = params.get('MacAlgorithm')
    if v is None:
        return False
    if not (type(v) is str and v in _c65):
        return False
    v = params.get('Message')
    if v is None:
        return False
    if not (type(v) is bytes and len(v) >= 1 and len(v) <= 4096):
        return False
    return True



def fits_GenerateRandom(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c66:
        return False
    v = params.get('CustomKeyStoreId')
    if v is not None and not (type(v) is str and len(v) >= 1 and len(v) <= 64):
        return False
    v = params.get('NumberOfBytes')
    if v is not None and not (type(v) is int and v >= 1 and v <= 1024):
        return False
    v = params.get('Recipient')
    if v is not None:
        return False
    return True



def fits_GetKeyLastUsage(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c67:
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    return True



def fits_GetKeyPolicy(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c68:
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    v = params.get('PolicyName')
    if v is not None and not (type(v) is str and len(v) >= 1 and len(v) <= 128 and _c69(v) is not None):
        return False
    return True



def fits_GetKeyRotationStatus(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c70:
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    return True



def fits_GetParametersForImport(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c71:
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    v = params.get('WrappingAlgorithm')
    if v is None:
        return False
    if not (type(v) is str and v in _c72):
        return False
    v = params.get('WrappingKeySpec')
    if v is None:
        return False
    if not (type(v) is str and v in _c73):
        return False
    return True



def fits_GetPublicKey(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c74:
        return False
    v = params.get('GrantTokens')
    if v is not None and not (type(v) is list and len(v) >= 0 and len(v) <= 10 and _list_fits(v, _c75)):
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    return True



def fits_ImportKeyMaterial(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c76:
        return False
    v = params.get('EncryptedKeyMaterial')
    if v is None:
        return False
    if not (type(v) is bytes and len(v) >= 1 and len(v) <= 6144):
        return False
    v = params.get('ExpirationModel')
    if v is not None and not (type(v) is str and v in _c77):
        return False
    v = params.get('ImportToken')
    if v is None:
        return False
    if not (type(v) is bytes and len(v) >= 1 and len(v) <= 6144):
        return False
    v = params.get('ImportType')
    if v is not None and not (type(v) is str and v in _c78):
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    v = params.get('KeyMaterialDescription')
    if v is not None and not (type(v) is str and len(v) >= 0 and len(v) <= 256 and _c79(v) is not None):
        return False
    v = params.get('KeyMaterialId')
    if v is not None and not (type(v) is str and len(v) >= 64 and len(v) <= 64 and _c80(v) is not None):
        return False
    v = params.get('ValidTo')
    if v is not None:
        return False
    return True



def fits_ListAliases(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c81:
        return False
    v = params.get('KeyId')
    if v is not None and not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    v = params.get('Limit')
    if v is not None and not (type(v) is int and v >= 1 and v <= 1000):
        return False
    v = params.get('Marker')
    if v is not None and not (type(v) is str and len(v) >= 1 and len(v) <= 1024 and _c82(v) is not None):
        return False
    return True



def fits_ListGrants(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c83:
        return False
    v = params.get('GrantId')
    if v is not None and not (type(v) is str and len(v) >= 1 and len(v) <= 128):
        return False
    v = params.get('GranteePrincipal')
    if v is not None and not (type(v) is str and len(v) >= 1 and len(v) <= 256 and _c84(v) is not None):
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    v = params.get('Limit')
    if v is not None and not (type(v) is int and v >= 1 and v <= 1000):
        return False
    v = params.get('Marker')
    if v is not None and not (type(v) is str and len(v) >= 1 and len(v) <= 1024 and _c85(v) is not None):
        return False
    return True



def fits_ListKeyPolicies(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c86:
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    v = params.get('Limit')
    if v is not None and not (type(v) is int and v >= 1 and v <= 1000):
        return False
    v = params.get('Marker')
    if v is not None and not (type(v) is str and len(v) >= 1 and len(v) <= 1024 and _c87(v) is not None):
        return False
    return True



def fits_ListKeyRotations(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c88:
        return False
    v = params.get('IncludeKeyMaterial')
    if v is not None and not (type(v) is str and v in _c89):
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    v = params.get('Limit')
    if v is not None and not (type(v) is int and v >= 1 and v <= 1000):
        return False
    v = params.get('Marker')
    if v is not None and not (type(v) is str and len(v) >= 1 and len(v) <= 1024 and _c90(v) is not None):
        return False
    return True



def fits_ListKeys(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c91:
        return False
    v = params.get('Limit')
    if v is not None and not (type(v) is int and v >= 1 and v <= 1000):
        return False
    v = params.get('Marker')
    if v is not None and not (type(v) is str and len(v) >= 1 and len(v) <= 1024 and _c92(v) is not None):
        return False
    return True



def fits_ListResourceTags(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c93:
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    v = params.get('Limit')
    if v is not None and not (type(v) is int and v >= 1 and v <= 1000):
        return False
    v = params.get('Marker')
    if v is not None and not (type(v) is str and len(v) >= 1 and len(v) <= 1024 and _c94(v) is not None):
        return False
    return True



def fits_ListRetirableGrants(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c95:
        return False
    v = params.get('Limit')
    if v is not None and not (type(v) is int and v >= 1 and v <= 1000):
        return False
    v = params.get('Marker')
    if v is not None and not (type(v) is str and len(v) >= 1 and len(v) <= 1024 and _c96(v) is not None):
        return False
    v = params.get('RetiringPrincipal')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 256 and _c97(v) is not None):
        return False
    return True



def fits_PutKeyPolicy(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c98:
        return False
    v = params.get('BypassPolicyLockoutSafetyCheck')
    if v is not None and not (type(v) is bool):
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    v = params.get('Policy')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 131072 and _c99(v) is not None):
        return False
    v = params.get('PolicyName')
    if v is not None and not (type(v) is str and len(v) >= 1 and len(v) <= 128 and _c100(v) is not None):
        return False
    return True



def fits_ReEncrypt(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c101:
        return False
    v = params.get('CiphertextBlob')
    if v is not None and not (type(v) is bytes and len(v) >= 1 and len(v) <= 6144):
        return False
    v = params.get('DestinationEncryptionAlgorithm')
    if v is not None and not (type(v) is str and v in _c102):
        return False
    v = params.get('DestinationEncryptionContext')
    if v is not None and not (type(v) is dict and _plain_map(v)):
        return False
    v = params.get('DestinationKeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    v = params.get('DryRun')
    if v is not None and not (type(v) is bool):
        return False
    v = params.get('DryRunModifiers')
    if v is not None and not (type(v) is list and _list_fits(v, _c104)):
        return False
    v = params.get('GrantTokens')
    if v is not None and not (type(v) is list and len(v) >= 0 and len(v) <= 10 and _list_fits(v, _c105)):
        return False
    v = params.get('SourceEncryptionAlgorithm')
    if v is not None and not (type(v) is str and v in _c106):
        return False
    v = params.get('SourceEncryptionContext')
    if v is not None and not (type(v) is dict and _plain_map(v)):
        return False
    v = params.get('SourceKeyId')
    if v is not None and not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    return True



def fits_ReplicateKey(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c107:
        return False
    v = params.get('BypassPolicyLockoutSafetyCheck')
    if v is not None and not (type(v) is bool):
        return False
    v = params.get('Description')
    if v is not None and not (type(v) is str and len(v) >= 0 and len(v) <= 8192):
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    v = params.get('Policy')
    if v is not None and not (type(v) is str and len(v) >= 1 and len(v) <= 131072 and _c108(v) is not None):
        return False
    v = params.get('ReplicaRegion')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 32 and _c109(v) is not None):
        return False
    v = params.get('Tags')
    if v is not None:
        return False
    return True



def fits_RetireGrant(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c110:
        return False
    v = params.get('DryRun')
    if v is not None and not (type(v) is bool):
        return False
    v = params.get('GrantId')
    if v is not None and not (type(v) is str and len(v) >= 1 and len(v) <= 128):
        return False
    v = params.get('GrantToken')
    if v is not None and not (type(v) is str and len(v) >= 1 and len(v) <= 8192):
        return False
    v = params.get('KeyId')
    if v is not None and not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    return True



def fits_RevokeGrant(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c111:
        return False
    v = params.get('DryRun')
    if v is not None and not (type(v) is bool):
        return False
    v = params.get('GrantId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 128):
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    return True



def fits_RotateKeyOnDemand(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c112:
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    return True



def fits_ScheduleKeyDeletion(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c113:
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    v = params.get('PendingWindowInDays')
    if v is not None and not (type(v) is int and v >= 1 and v <= 365):
        return False
    return True



def fits_Sign(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c114:
        return False
    v = params.get('DryRun')
    if v is not None and not (type(v) is bool):
        return False
    v = params.get('GrantTokens')
    if v is not None and not (type(v) is list and len(v) >= 0 and len(v) <= 10 and _list_fits(v, _c115)):
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    v = params.get('Message')
    if v is None:
        return False
    if not (type(v) is bytes and len(v) >= 1 and len(v) <= 4096):
        return False
    v = params.get('MessageType')
    if v is not None and not (type(v) is str and v in _c116):
        return False
    v = params.get('SigningAlgorithm')
    if v is None:
        return False
    if not (type(v) is str and v in _c117):
        return False
    return True



def fits_TagResource(params: Any) -> bool:
    return False



def fits_UntagResource(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c119:
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    v = params.get('TagKeys')
    if v is None:
        return False
    if not (type(v) is list and _list_fits(v, _c120)):
        return False
    return True



def fits_UpdateAlias(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c121:
        return False
    v = params.get('AliasName')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 256 and _c122(v) is not None):
        return False
    v = params.get('TargetKeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    return True



def fits_UpdateCustomKeyStore(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c123:
        return False
    v = params.get('CloudHsmClusterId')
    if v is not None and not (type(v) is str and len(v) >= 19 and len(v) <= 24 and _c124(v) is not None):
        return False
    v = params.get('CustomKeyStoreId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 64):
        return False
    v = params.get('KeyStorePassword')
    if v is not None and not (type(v) is str and len(v) >= 7 and len(v) <= 32):
        return False
    v = params.get('NewCustomKeyStoreName')
    if v is not None and not (type(v) is str and len(v) >= 1 and len(v) <= 256):
        return False
    v = params.get('XksProxyAuthenticationCredential')
    if v is not None:
        return False
    v = params.get('XksProxyConnectivity')
    if v is not None and not (type(v) is str and v in _c125):
        return False
    v = params.get('XksProxyUriEndpoint')
    if v is not None and not (type(v) is str and len(v) >= 10 and len(v) <= 128 and _c126(v) is not None):
        return False
    v = params.get('XksProxyUriPath')
    if v is not None and not (type(v) is str and len(v) >= 10 and len(v) <= 128 and _c127(v) is not None):
        return False
    v = params.get('XksProxyVpcEndpointServiceName')
    if v is not None and not (type(v) is str and len(v) >= 20 and len(v) <= 64 and _c128(v) is not None):
        return False
    v = params.get('XksProxyVpcEndpointServiceOwner')
    if v is not None and not (type(v) is str and len(v) >= 12 and len(v) <= 12 and _c129(v) is not None):
        return False
    return True



def fits_UpdateKeyDescription(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c130:
        return False
    v = params.get('Description')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 0 and len(v) <= 8192):
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    return True



def fits_UpdatePrimaryRegion(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c131:
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    v = params.get('PrimaryRegion')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 32 and _c132(v) is not None):
        return False
    return True



def fits_Verify(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c133:
        return False
    v = params.get('DryRun')
    if v is not None and not (type(v) is bool):
        return False
    v = params.get('GrantTokens')
    if v is not None and not (type(v) is list and len(v) >= 0 and len(v) <= 10 and _list_fits(v, _c134)):
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    v = params.get('Message')
    if v is None:
        return False
    if not (type(v) is bytes and len(v) >= 1 and len(v) <= 4096):
        return False
    v = params.get('MessageType')
    if v is not None and not (type(v) is str and v in _c135):
        return False
    v = params.get('Signature')
    if v is None:
        return False
    if not (type(v) is bytes and len(v) >= 1 and len(v) <= 6144):
        return False
    v = params.get('SigningAlgorithm')
    if v is None:
        return False
    if not (type(v) is str and v in _c136):
        return False
    return True



def fits_VerifyMac(params: Any) -> bool:
    if type(params) is not dict or not params.keys() <= _c137:
        return False
    v = params.get('DryRun')
    if v is not None and not (type(v) is bool):
        return False
    v = params.get('GrantTokens')
    if v is not None and not (type(v) is list and len(v) >= 0 and len(v) <= 10 and _list_fits(v, _c138)):
        return False
    v = params.get('KeyId')
    if v is None:
        return False
    if not (type(v) is str and len(v) >= 1 and len(v) <= 2048):
        return False
    v = params.get('Mac')
    if v is None:
        return False
    if not (type(v) is bytes and len(v) >= 1 and len(v) <= 6144):
        return False
    v = params.get('MacAlgorithm')
    if v is None:
        return False
    if not (type(v) is str and v in _c139):
        return False
    v = params.get('Message')
    if v is None:
        return False
    if not (type(v) is bytes and len(v) >= 1 and len(v) <= 4096):
        return False
    return True


FITS: dict[str, Callable[[Any], bool]] = {
    'CancelKeyDeletion': fits_CancelKeyDeletion,
    'ConnectCustomKeyStore': fits_ConnectCustomKeyStore,
    'CreateAlias': fits_CreateAlias,
    'CreateCustomKeyStore': fits_CreateCustomKeyStore,
    'CreateGrant': fits_CreateGrant,
    'CreateKey': fits_CreateKey,
    'Decrypt': fits_Decrypt,
    'DeleteAlias': fits_DeleteAlias,
    'DeleteCustomKeyStore': fits_DeleteCustomKeyStore,
    'DeleteImportedKeyMaterial': fits_DeleteImportedKeyMaterial,
    'DeriveSharedSecret': fits_DeriveSharedSecret,
    'DescribeCustomKeyStores': fits_DescribeCustomKeyStores,
    'DescribeKey': fits_DescribeKey,
    'DisableKey': fits_DisableKey,
    'DisableKeyRotation': fits_DisableKeyRotation,
    'DisconnectCustomKeyStore': fits_DisconnectCustomKeyStore,
    'EnableKey': fits_EnableKey,
    'EnableKeyRotation': fits_EnableKeyRotation,
    'Encrypt': fits_Encrypt,
    'GenerateDataKey': fits_GenerateDataKey,
    'GenerateDataKeyPair': fits_GenerateDataKeyPair,
    'GenerateDataKeyPairWithoutPlaintext': fits_GenerateDataKeyPairWithoutPlaintext,
    'GenerateDataKeyWithoutPlaintext': fits_GenerateDataKeyWithoutPlaintext,
    'GenerateMac': fits_GenerateMac,
    'GenerateRandom': fits_GenerateRandom,
    'GetKeyLastUsage': fits_GetKeyLastUsage,
    'GetKeyPolicy': fits_GetKeyPolicy,
    'GetKeyRotationStatus': fits_GetKeyRotationStatus,
    'GetParametersForImport': fits_GetParametersForImport,
    'GetPublicKey': fits_GetPublicKey,
    'ImportKeyMaterial': fits_ImportKeyMaterial,
    'ListAliases': fits_ListAliases,
    'ListGrants': fits_ListGrants,
    'ListKeyPolicies': fits_ListKeyPolicies,
    'ListKeyRotations': fits_ListKeyRotations,
    'ListKeys': fits_ListKeys,
    'ListResourceTags': fits_ListResourceTags,
    'ListRetirableGrants': fits_ListRetirableGrants,
    'PutKeyPolicy': fits_PutKeyPolicy,
    'ReEncrypt': fits_ReEncrypt,
    'ReplicateKey': fits_ReplicateKey,
    'RetireGrant': fits_RetireGrant,
    'RevokeGrant': fits_RevokeGrant,
    'RotateKeyOnDemand': fits_RotateKeyOnDemand,
    'ScheduleKeyDeletion': fits_ScheduleKeyDeletion,
    'Sign': fits_Sign,
    'TagResource': fits_TagResource,
    'UntagResource': fits_UntagResource,
    'UpdateAlias': fits_UpdateAlias,
    'UpdateCustomKeyStore': fits_UpdateCustomKeyStore,
    'UpdateKeyDescription': fits_UpdateKeyDescription,
    'UpdatePrimaryRegion': fits_UpdatePrimaryRegion,
    'Verify': fits_Verify,
    'VerifyMac': fits_VerifyMac,
}
