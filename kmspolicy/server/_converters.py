"""The JSON converters of every KMS operation, written from the API model by
``kmspolicy.server.protocol.converters_source`` (see there): do not edit. Regenerate with
``python -c "import kmspolicy.server.protocol as p; p.write_converters()"``."""

# ruff: noqa
# mypy: ignore-errors
from binascii import Error as _Error, a2b_base64 as _a2b, b2a_base64 as _b2a
from collections.abc import Callable
from datetime import UTC as _UTC, datetime
from typing import Any

from kmspolicy.server.protocol import _camel, _position, _serialization, _wrong_type as _wrong

_fromtimestamp = datetime.fromtimestamp


def _empty(v: Any) -> dict[str, Any]:
    return {}


def _none(v: Any) -> None:
    return None


_c1 = {'KeyId': 0}
_c10 = {'KeyId': 'KeyId'}
_c15 = {'KeyId': 'keyId'}
_c20 = {'KeyId': 'keyId'}
_c21 = {'CustomKeyStoreId': 0}
_c30 = {}
_c35 = {'CustomKeyStoreId': 'customKeyStoreId'}
_c40 = {}
_c41 = {'AliasName': 0, 'TargetKeyId': 0}
_c50 = {'AliasName': 'aliasName', 'TargetKeyId': 'targetKeyId'}
_c51 = {'CloudHsmClusterId': 0, 'CustomKeyStoreName': 0, 'CustomKeyStoreType': 0, 'KeyStorePassword': 0, 'TrustAnchorCertificate': 0, 'XksProxyConnectivity': 0, 'XksProxyUriEndpoint': 0, 'XksProxyUriPath': 0, 'XksProxyVpcEndpointServiceName': 0, 'XksProxyVpcEndpointServiceOwner': 0, 'XksProxyAuthenticationCredential': 1}
_c56 = {'AccessKeyId': 0, 'RawSecretAccessKey': 0}
_c65 = {'CustomKeyStoreId': 'CustomKeyStoreId'}
_c70 = {'CloudHsmClusterId': 'cloudHsmClusterId', 'CustomKeyStoreName': 'customKeyStoreName', 'CustomKeyStoreType': 'customKeyStoreType', 'TrustAnchorCertificate': 'trustAnchorCertificate', 'XksProxyConnectivity': 'xksProxyConnectivity', 'XksProxyUriEndpoint': 'xksProxyUriEndpoint', 'XksProxyUriPath': 'xksProxyUriPath', 'XksProxyVpcEndpointServiceName': 'xksProxyVpcEndpointServiceName', 'XksProxyVpcEndpointServiceOwner': 'xksProxyVpcEndpointServiceOwner'}
_c72 = {'XksProxyAuthenticationCredential': 0}
_c77 = {}
_c82 = {'CustomKeyStoreId': 'customKeyStoreId'}
_c83 = {'GranteePrincipal': 0, 'KeyId': 0, 'Name': 0, 'RetiringPrincipal': 0, 'Constraints': 1, 'DryRun': 2, 'GrantTokens': 3, 'Operations': 4}
_c88 = {'EncryptionContextEquals': 0, 'EncryptionContextSubset': 1}
_c105 = {'GrantId': 'GrantId', 'GrantToken': 'GrantToken'}
_c110 = {'DryRun': 'dryRun', 'GranteePrincipal': 'granteePrincipal', 'KeyId': 'keyId', 'Name': 'name', 'RetiringPrincipal': 'retiringPrincipal'}
_c112 = {'Constraints': 0, 'GrantTokens': 1, 'Operations': 2}
_c117 = {}
_c119 = {'EncryptionContextEquals': 0, 'EncryptionContextSubset': 1}
_c124 = {'GrantId': 'grantId', 'GrantToken': 'grantToken'}
_c125 = {'CustomKeyStoreId': 0, 'CustomerMasterKeySpec': 0, 'Description': 0, 'KeySpec': 0, 'KeyUsage': 0, 'Origin': 0, 'Policy': 0, 'XksKeyId': 0, 'BypassPolicyLockoutSafetyCheck': 1, 'MultiRegion': 1, 'Tags': 2}
_c132 = {'TagKey': 0, 'TagValue': 0}
_c141 = {}
_c143 = {'KeyMetadata': 0}
_c148 = {'AWSAccountId': 'AWSAccountId', 'Arn': 'Arn', 'CloudHsmClusterId': 'CloudHsmClusterId', 'CurrentKeyMaterialId': 'CurrentKeyMaterialId', 'CustomKeyStoreId': 'CustomKeyStoreId', 'CustomerMasterKeySpec': 'CustomerMasterKeySpec', 'Description': 'Description', 'Enabled': 'Enabled', 'ExpirationModel': 'ExpirationModel', 'KeyId': 'KeyId', 'KeyManager': 'KeyManager', 'KeySpec': 'KeySpec', 'KeyState': 'KeyState', 'KeyUsage': 'KeyUsage', 'MultiRegion': 'MultiRegion', 'Origin': 'Origin', 'PendingDeletionWindowInDays': 'PendingDeletionWindowInDays'}
_c150 = {'CreationDate': 0, 'DeletionDate': 1, 'EncryptionAlgorithms': 2, 'KeyAgreementAlgorithms': 3, 'MacAlgorithms': 4, 'MultiRegionConfiguration': 5, 'SigningAlgorithms': 6, 'ValidTo': 7, 'XksKeyConfiguration': 8}
_c155 = {'MultiRegionKeyType': 'MultiRegionKeyType'}
_c157 = {'PrimaryKey': 0, 'ReplicaKeys': 1}
_c162 = {'Arn': 'Arn', 'Region': 'Region'}
_c169 = {'Arn': 'Arn', 'Region': 'Region'}
_c174 = {'Id': 'Id'}
_c179 = {'BypassPolicyLockoutSafetyCheck': 'bypassPolicyLockoutSafetyCheck', 'CustomKeyStoreId': 'customKeyStoreId', 'CustomerMasterKeySpec': 'customerMasterKeySpec', 'Description': 'description', 'KeySpec': 'keySpec', 'KeyUsage': 'keyUsage', 'MultiRegion': 'multiRegion', 'Origin': 'origin', 'Policy': 'policy', 'XksKeyId': 'xksKeyId'}
_c181 = {'Tags': 0}
_c188 = {'TagKey': 'tagKey', 'TagValue': 'tagValue'}
_c193 = {}
_c195 = {'KeyMetadata': 0}
_c200 = {'AWSAccountId': 'aWSAccountId', 'Arn': 'arn', 'CloudHsmClusterId': 'cloudHsmClusterId', 'CurrentKeyMaterialId': 'currentKeyMaterialId', 'CustomKeyStoreId': 'customKeyStoreId', 'CustomerMasterKeySpec': 'customerMasterKeySpec', 'Description': 'description', 'Enabled': 'enabled', 'ExpirationModel': 'expirationModel', 'KeyId': 'keyId', 'KeyManager': 'keyManager', 'KeySpec': 'keySpec', 'KeyState': 'keyState', 'KeyUsage': 'keyUsage', 'MultiRegion': 'multiRegion', 'Origin': 'origin', 'PendingDeletionWindowInDays': 'pendingDeletionWindowInDays'}
_c202 = {'CreationDate': 0, 'DeletionDate': 1, 'EncryptionAlgorithms': 2, 'KeyAgreementAlgorithms': 3, 'MacAlgorithms': 4, 'MultiRegionConfiguration': 5, 'SigningAlgorithms': 6, 'ValidTo': 7, 'XksKeyConfiguration': 8}
_c207 = {'MultiRegionKeyType': 'multiRegionKeyType'}
_c209 = {'PrimaryKey': 0, 'ReplicaKeys': 1}
_c214 = {'Arn': 'arn', 'Region': 'region'}
_c221 = {'Arn': 'arn', 'Region': 'region'}
_c226 = {'Id': 'id'}
_c227 = {'EncryptionAlgorithm': 0, 'KeyId': 0, 'CiphertextBlob': 1, 'DryRun': 2, 'DryRunModifiers': 3, 'EncryptionContext': 4, 'GrantTokens': 5, 'Recipient': 6}
_c237 = {'KeyEncryptionAlgorithm': 0, 'AttestationDocument': 1}
_c246 = {'EncryptionAlgorithm': 'EncryptionAlgorithm', 'KeyId': 'KeyId', 'KeyMaterialId': 'KeyMaterialId'}
_c248 = {'CiphertextForRecipient': 0, 'Plaintext': 1}
_c253 = {'DryRun': 'dryRun', 'EncryptionAlgorithm': 'encryptionAlgorithm', 'KeyId': 'keyId'}
_c255 = {'DryRunModifiers': 0, 'EncryptionContext': 1, 'GrantTokens': 2, 'Recipient': 3}
_c260 = {'KeyEncryptionAlgorithm': 'keyEncryptionAlgorithm'}
_c265 = {'EncryptionAlgorithm': 'encryptionAlgorithm', 'KeyId': 'keyId', 'KeyMaterialId': 'keyMaterialId'}
_c266 = {'AliasName': 0}
_c275 = {'AliasName': 'aliasName'}
_c276 = {'CustomKeyStoreId': 0}
_c285 = {}
_c290 = {'CustomKeyStoreId': 'customKeyStoreId'}
_c295 = {}
_c296 = {'KeyId': 0, 'KeyMaterialId': 0}
_c305 = {'KeyId': 'KeyId', 'KeyMaterialId': 'KeyMaterialId'}
_c310 = {'KeyId': 'keyId', 'KeyMaterialId': 'keyMaterialId'}
_c315 = {'KeyId': 'keyId', 'KeyMaterialId': 'keyMaterialId'}
_c316 = {'KeyAgreementAlgorithm': 0, 'KeyId': 0, 'PublicKey': 1, 'DryRun': 2, 'GrantTokens': 3, 'Recipient': 4}
_c322 = {'KeyEncryptionAlgorithm': 0, 'AttestationDocument': 1}
_c331 = {'KeyAgreementAlgorithm': 'KeyAgreementAlgorithm', 'KeyId': 'KeyId', 'KeyOrigin': 'KeyOrigin'}
_c333 = {'CiphertextForRecipient': 0, 'SharedSecret': 1}
_c338 = {'DryRun': 'dryRun', 'KeyAgreementAlgorithm': 'keyAgreementAlgorithm', 'KeyId': 'keyId'}
_c340 = {'GrantTokens': 0, 'Recipient': 1}
_c345 = {'KeyEncryptionAlgorithm': 'keyEncryptionAlgorithm'}
_c350 = {'KeyAgreementAlgorithm': 'keyAgreementAlgorithm', 'KeyId': 'keyId', 'KeyOrigin': 'keyOrigin'}
_c351 = {'CustomKeyStoreId': 0, 'CustomKeyStoreName': 0, 'Marker': 0, 'Limit': 1}
_c360 = {'NextMarker': 'NextMarker', 'Truncated': 'Truncated'}
_c362 = {'CustomKeyStores': 0}
_c369 = {'CloudHsmClusterId': 'CloudHsmClusterId', 'ConnectionErrorCode': 'ConnectionErrorCode', 'ConnectionState': 'ConnectionState', 'CustomKeyStoreId': 'CustomKeyStoreId', 'CustomKeyStoreName': 'CustomKeyStoreName', 'CustomKeyStoreType': 'CustomKeyStoreType', 'TrustAnchorCertificate': 'TrustAnchorCertificate'}
_c371 = {'CreationDate': 0, 'XksProxyConfiguration': 1}
_c376 = {'AccessKeyId': 'AccessKeyId', 'Connectivity': 'Connectivity', 'UriEndpoint': 'UriEndpoint', 'UriPath': 'UriPath', 'VpcEndpointServiceName': 'VpcEndpointServiceName', 'VpcEndpointServiceOwner': 'VpcEndpointServiceOwner'}
_c381 = {'CustomKeyStoreId': 'customKeyStoreId', 'CustomKeyStoreName': 'customKeyStoreName', 'Limit': 'limit', 'Marker': 'marker'}
_c386 = {'NextMarker': 'nextMarker', 'Truncated': 'truncated'}
_c388 = {'CustomKeyStores': 0}
_c395 = {'CloudHsmClusterId': 'cloudHsmClusterId', 'ConnectionErrorCode': 'connectionErrorCode', 'ConnectionState': 'connectionState', 'CustomKeyStoreId': 'customKeyStoreId', 'CustomKeyStoreName': 'customKeyStoreName', 'CustomKeyStoreType': 'customKeyStoreType', 'TrustAnchorCertificate': 'trustAnchorCertificate'}
_c397 = {'CreationDate': 0, 'XksProxyConfiguration': 1}
_c402 = {'Connectivity': 'connectivity', 'UriEndpoint': 'uriEndpoint', 'UriPath': 'uriPath', 'VpcEndpointServiceName': 'vpcEndpointServiceName', 'VpcEndpointServiceOwner': 'vpcEndpointServiceOwner'}
_c403 = {'KeyId': 0, 'GrantTokens': 1}
_c413 = {}
_c415 = {'KeyMetadata': 0}
_c420 = {'AWSAccountId': 'AWSAccountId', 'Arn': 'Arn', 'CloudHsmClusterId': 'CloudHsmClusterId', 'CurrentKeyMaterialId': 'CurrentKeyMaterialId', 'CustomKeyStoreId': 'CustomKeyStoreId', 'CustomerMasterKeySpec': 'CustomerMasterKeySpec', 'Description': 'Description', 'Enabled': 'Enabled', 'ExpirationModel': 'ExpirationModel', 'KeyId': 'KeyId', 'KeyManager': 'KeyManager', 'KeySpec': 'KeySpec', 'KeyState': 'KeyState', 'KeyUsage': 'KeyUsage', 'MultiRegion': 'MultiRegion', 'Origin': 'Origin', 'PendingDeletionWindowInDays': 'PendingDeletionWindowInDays'}
_c422 = {'CreationDate': 0, 'DeletionDate': 1, 'EncryptionAlgorithms': 2, 'KeyAgreementAlgorithms': 3, 'MacAlgorithms': 4, 'MultiRegionConfiguration': 5, 'SigningAlgorithms': 6, 'ValidTo': 7, 'XksKeyConfiguration': 8}
_c427 = {'MultiRegionKeyType': 'MultiRegionKeyType'}
_c429 = {'PrimaryKey': 0, 'ReplicaKeys': 1}
_c434 = {'Arn': 'Arn', 'Region': 'Region'}
_c441 = {'Arn': 'Arn', 'Region': 'Region'}
_c446 = {'Id': 'Id'}
_c451 = {'KeyId': 'keyId'}
_c453 = {'GrantTokens': 0}
_c458 = {}
_c460 = {'KeyMetadata': 0}
_c465 = {'AWSAccountId': 'aWSAccountId', 'Arn': 'arn', 'CloudHsmClusterId': 'cloudHsmClusterId', 'CurrentKeyMaterialId': 'currentKeyMaterialId', 'CustomKeyStoreId': 'customKeyStoreId', 'CustomerMasterKeySpec': 'customerMasterKeySpec', 'Description': 'description', 'Enabled': 'enabled', 'ExpirationModel': 'expirationModel', 'KeyId': 'keyId', 'KeyManager': 'keyManager', 'KeySpec': 'keySpec', 'KeyState': 'keyState', 'KeyUsage': 'keyUsage', 'MultiRegion': 'multiRegion', 'Origin': 'origin', 'PendingDeletionWindowInDays': 'pendingDeletionWindowInDays'}
_c467 = {'CreationDate': 0, 'DeletionDate': 1, 'EncryptionAlgorithms': 2, 'KeyAgreementAlgorithms': 3, 'MacAlgorithms': 4, 'MultiRegionConfiguration': 5, 'SigningAlgorithms': 6, 'ValidTo': 7, 'XksKeyConfiguration': 8}
_c472 = {'MultiRegionKeyType': 'multiRegionKeyType'}
_c474 = {'PrimaryKey': 0, 'ReplicaKeys': 1}
_c479 = {'Arn': 'arn', 'Region': 'region'}
_c486 = {'Arn': 'arn', 'Region': 'region'}
_c491 = {'Id': 'id'}
_c492 = {'KeyId': 0}
_c501 = {'KeyId': 'keyId'}
_c502 = {'KeyId': 0}
_c511 = {'KeyId': 'keyId'}
_c512 = {'CustomKeyStoreId': 0}
_c521 = {}
_c526 = {'CustomKeyStoreId': 'customKeyStoreId'}
_c531 = {}
_c532 = {'KeyId': 0}
_c541 = {'KeyId': 'keyId'}
_c542 = {'KeyId': 0, 'RotationPeriodInDays': 1}
_c551 = {'KeyId': 'keyId', 'RotationPeriodInDays': 'rotationPeriodInDays'}
_c552 = {'EncryptionAlgorithm': 0, 'KeyId': 0, 'Plaintext': 1, 'DryRun': 2, 'EncryptionContext': 3, 'GrantTokens': 4}
_c565 = {'EncryptionAlgorithm': 'EncryptionAlgorithm', 'KeyId': 'KeyId'}
_c567 = {'CiphertextBlob': 0}
_c572 = {'DryRun': 'dryRun', 'EncryptionAlgorithm': 'encryptionAlgorithm', 'KeyId': 'keyId'}
_c574 = {'EncryptionContext': 0, 'GrantTokens': 1}
_c579 = {'EncryptionAlgorithm': 'encryptionAlgorithm', 'KeyId': 'keyId'}
_c580 = {'KeyId': 0, 'KeySpec': 0, 'DryRun': 1, 'EncryptionContext': 2, 'GrantTokens': 3, 'NumberOfBytes': 4, 'Recipient': 5}
_c589 = {'KeyEncryptionAlgorithm': 0, 'AttestationDocument': 1}
_c598 = {'KeyId': 'KeyId', 'KeyMaterialId': 'KeyMaterialId'}
_c600 = {'CiphertextBlob': 0, 'CiphertextForRecipient': 1, 'Plaintext': 2}
_c605 = {'DryRun': 'dryRun', 'KeyId': 'keyId', 'KeySpec': 'keySpec', 'NumberOfBytes': 'numberOfBytes'}
_c607 = {'EncryptionContext': 0, 'GrantTokens': 1, 'Recipient': 2}
_c612 = {'KeyEncryptionAlgorithm': 'keyEncryptionAlgorithm'}
_c617 = {'KeyId': 'keyId', 'KeyMaterialId': 'keyMaterialId'}
_c618 = {'KeyId': 0, 'KeyPairSpec': 0, 'DryRun': 1, 'EncryptionContext': 2, 'GrantTokens': 3, 'Recipient': 4}
_c627 = {'KeyEncryptionAlgorithm': 0, 'AttestationDocument': 1}
_c636 = {'KeyId': 'KeyId', 'KeyMaterialId': 'KeyMaterialId', 'KeyPairSpec': 'KeyPairSpec'}
_c638 = {'CiphertextForRecipient': 0, 'PrivateKeyCiphertextBlob': 1, 'PrivateKeyPlaintext': 2, 'PublicKey': 3}
_c643 = {'DryRun': 'dryRun', 'KeyId': 'keyId', 'KeyPairSpec': 'keyPairSpec'}
_c645 = {'EncryptionContext': 0, 'GrantTokens': 1, 'Recipient': 2}
_c650 = {'KeyEncryptionAlgorithm': 'keyEncryptionAlgorithm'}
_c655 = {'KeyId': 'keyId', 'KeyMaterialId': 'keyMaterialId', 'KeyPairSpec': 'keyPairSpec'}
_c656 = {'KeyId': 0, 'KeyPairSpec': 0, 'DryRun': 1, 'EncryptionContext': 2, 'GrantTokens': 3}
_c669 = {'KeyId': 'KeyId', 'KeyMaterialId': 'KeyMaterialId', 'KeyPairSpec': 'KeyPairSpec'}
_c671 = {'PrivateKeyCiphertextBlob': 0, 'PublicKey': 1}
_c676 = {'DryRun': 'dryRun', 'KeyId': 'keyId', 'KeyPairSpec': 'keyPairSpec'}
_c678 = {'EncryptionContext': 0, 'GrantTokens': 1}
_c683 = {'KeyId': 'keyId', 'KeyMaterialId': 'keyMaterialId', 'KeyPairSpec': 'keyPairSpec'}
_c684 = {'KeyId': 0, 'KeySpec': 0, 'DryRun': 1, 'EncryptionContext': 2, 'GrantTokens': 3, 'NumberOfBytes': 4}
_c697 = {'KeyId': 'KeyId', 'KeyMaterialId': 'KeyMaterialId'}
_c699 = {'CiphertextBlob': 0}
_c704 = {'DryRun': 'dryRun', 'KeyId': 'keyId', 'KeySpec': 'keySpec', 'NumberOfBytes': 'numberOfBytes'}
_c706 = {'EncryptionContext': 0, 'GrantTokens': 1}
_c711 = {'KeyId': 'keyId', 'KeyMaterialId': 'keyMaterialId'}
_c712 = {'KeyId': 0, 'MacAlgorithm': 0, 'Message': 1, 'DryRun': 2, 'GrantTokens': 3}
_c722 = {'KeyId': 'KeyId', 'MacAlgorithm': 'MacAlgorithm'}
_c724 = {'Mac': 0}
_c729 = {'DryRun': 'dryRun', 'KeyId': 'keyId', 'MacAlgorithm': 'macAlgorithm'}
_c731 = {'GrantTokens': 0}
_c736 = {'KeyId': 'keyId', 'MacAlgorithm': 'macAlgorithm'}
_c737 = {'CustomKeyStoreId': 0, 'NumberOfBytes': 1, 'Recipient': 2}
_c742 = {'KeyEncryptionAlgorithm': 0, 'AttestationDocument': 1}
_c751 = {}
_c753 = {'CiphertextForRecipient': 0, 'Plaintext': 1}
_c758 = {'CustomKeyStoreId': 'customKeyStoreId', 'NumberOfBytes': 'numberOfBytes'}
_c760 = {'Recipient': 0}
_c765 = {'KeyEncryptionAlgorithm': 'keyEncryptionAlgorithm'}
_c770 = {}
_c771 = {'KeyId': 0}
_c780 = {'KeyId': 'KeyId'}
_c782 = {'KeyCreationDate': 0, 'KeyLastUsage': 1, 'TrackingStartDate': 2}
_c787 = {'CloudTrailEventId': 'CloudTrailEventId', 'KmsRequestId': 'KmsRequestId', 'Operation': 'Operation'}
_c789 = {'Timestamp': 0}
_c794 = {'KeyId': 'keyId'}
_c799 = {'KeyId': 'keyId'}
_c801 = {'KeyCreationDate': 0, 'KeyLastUsage': 1, 'TrackingStartDate': 2}
_c806 = {'CloudTrailEventId': 'cloudTrailEventId', 'KmsRequestId': 'kmsRequestId', 'Operation': 'operation'}
_c808 = {'Timestamp': 0}
_c809 = {'KeyId': 0, 'PolicyName': 0}
_c818 = {'Policy': 'Policy', 'PolicyName': 'PolicyName'}
_c823 = {'KeyId': 'keyId', 'PolicyName': 'policyName'}
_c828 = {'Policy': 'policy', 'PolicyName': 'policyName'}
_c829 = {'KeyId': 0}
_c838 = {'KeyId': 'KeyId', 'KeyRotationEnabled': 'KeyRotationEnabled', 'RotationPeriodInDays': 'RotationPeriodInDays'}
_c840 = {'NextRotationDate': 0, 'OnDemandRotationStartDate': 1}
_c845 = {'KeyId': 'keyId'}
_c850 = {'KeyId': 'keyId', 'KeyRotationEnabled': 'keyRotationEnabled', 'RotationPeriodInDays': 'rotationPeriodInDays'}
_c852 = {'NextRotationDate': 0, 'OnDemandRotationStartDate': 1}
_c853 = {'KeyId': 0, 'WrappingAlgorithm': 0, 'WrappingKeySpec': 0}
_c862 = {'KeyId': 'KeyId'}
_c864 = {'ImportToken': 0, 'ParametersValidTo': 1, 'PublicKey': 2}
_c869 = {'KeyId': 'keyId', 'WrappingAlgorithm': 'wrappingAlgorithm', 'WrappingKeySpec': 'wrappingKeySpec'}
_c874 = {'KeyId': 'keyId'}
_c876 = {'ParametersValidTo': 0}
_c877 = {'KeyId': 0, 'GrantTokens': 1}
_c887 = {'CustomerMasterKeySpec': 'CustomerMasterKeySpec', 'KeyId': 'KeyId', 'KeySpec': 'KeySpec', 'KeyUsage': 'KeyUsage'}
_c889 = {'EncryptionAlgorithms': 0, 'KeyAgreementAlgorithms': 1, 'PublicKey': 2, 'SigningAlgorithms': 3}
_c894 = {'KeyId': 'keyId'}
_c896 = {'GrantTokens': 0}
_c901 = {'CustomerMasterKeySpec': 'customerMasterKeySpec', 'KeyId': 'keyId', 'KeySpec': 'keySpec', 'KeyUsage': 'keyUsage'}
_c903 = {'EncryptionAlgorithms': 0, 'KeyAgreementAlgorithms': 1, 'SigningAlgorithms': 2}
_c904 = {'ExpirationModel': 0, 'ImportType': 0, 'KeyId': 0, 'KeyMaterialDescription': 0, 'KeyMaterialId': 0, 'EncryptedKeyMaterial': 1, 'ImportToken': 1, 'ValidTo': 2}
_c913 = {'KeyId': 'KeyId', 'KeyMaterialId': 'KeyMaterialId'}
_c918 = {'ExpirationModel': 'expirationModel', 'ImportType': 'importType', 'KeyId': 'keyId', 'KeyMaterialDescription': 'keyMaterialDescription', 'KeyMaterialId': 'keyMaterialId'}
_c920 = {'ValidTo': 0}
_c925 = {'KeyId': 'keyId', 'KeyMaterialId': 'keyMaterialId'}
_c926 = {'KeyId': 0, 'Marker': 0, 'Limit': 1}
_c935 = {'NextMarker': 'NextMarker', 'Truncated': 'Truncated'}
_c937 = {'Aliases': 0}
_c944 = {'AliasArn': 'AliasArn', 'AliasName': 'AliasName', 'TargetKeyId': 'TargetKeyId'}
_c946 = {'CreationDate': 0, 'LastUpdatedDate': 1}
_c951 = {'KeyId': 'keyId', 'Limit': 'limit', 'Marker': 'marker'}
_c956 = {'NextMarker': 'nextMarker', 'Truncated': 'truncated'}
_c958 = {'Aliases': 0}
_c965 = {'AliasArn': 'aliasArn', 'AliasName': 'aliasName', 'TargetKeyId': 'targetKeyId'}
_c967 = {'CreationDate': 0, 'LastUpdatedDate': 1}
_c968 = {'GrantId': 0, 'GranteePrincipal': 0, 'KeyId': 0, 'Marker': 0, 'Limit': 1}
_c977 = {'NextMarker': 'NextMarker', 'Truncated': 'Truncated'}
_c979 = {'Grants': 0}
_c986 = {'GrantId': 'GrantId', 'GranteePrincipal': 'GranteePrincipal', 'IssuingAccount': 'IssuingAccount', 'KeyId': 'KeyId', 'Name': 'Name', 'RetiringPrincipal': 'RetiringPrincipal'}
_c988 = {'Constraints': 0, 'CreationDate': 1, 'Operations': 2}
_c993 = {}
_c995 = {'EncryptionContextEquals': 0, 'EncryptionContextSubset': 1}
_c1000 = {'GrantId': 'grantId', 'GranteePrincipal': 'granteePrincipal', 'KeyId': 'keyId', 'Limit': 'limit', 'Marker': 'marker'}
_c1005 = {'NextMarker': 'nextMarker', 'Truncated': 'truncated'}
_c1007 = {'Grants': 0}
_c1014 = {'GrantId': 'grantId', 'GranteePrincipal': 'granteePrincipal', 'IssuingAccount': 'issuingAccount', 'KeyId': 'keyId', 'Name': 'name', 'RetiringPrincipal': 'retiringPrincipal'}
_c1016 = {'Constraints': 0, 'CreationDate': 1, 'Operations': 2}
_c1021 = {}
_c1023 = {'EncryptionContextEquals': 0, 'EncryptionContextSubset': 1}
_c1024 = {'KeyId': 0, 'Marker': 0, 'Limit': 1}
_c1033 = {'NextMarker': 'NextMarker', 'Truncated': 'Truncated'}
_c1035 = {'PolicyNames': 0}
_c1040 = {'KeyId': 'keyId', 'Limit': 'limit', 'Marker': 'marker'}
_c1045 = {'NextMarker': 'nextMarker', 'Truncated': 'truncated'}
_c1047 = {'PolicyNames': 0}
_c1048 = {'IncludeKeyMaterial': 0, 'KeyId': 0, 'Marker': 0, 'Limit': 1}
_c1057 = {'NextMarker': 'NextMarker', 'Truncated': 'Truncated'}
_c1059 = {'Rotations': 0}
_c1066 = {'ExpirationModel': 'ExpirationModel', 'ImportState': 'ImportState', 'KeyId': 'KeyId', 'KeyMaterialDescription': 'KeyMaterialDescription', 'KeyMaterialId': 'KeyMaterialId', 'KeyMaterialState': 'KeyMaterialState', 'RotationType': 'RotationType'}
_c1068 = {'RotationDate': 0, 'ValidTo': 1}
_c1073 = {'IncludeKeyMaterial': 'includeKeyMaterial', 'KeyId': 'keyId', 'Limit': 'limit', 'Marker': 'marker'}
_c1078 = {'NextMarker': 'nextMarker', 'Truncated': 'truncated'}
_c1080 = {'Rotations': 0}
_c1087 = {'ExpirationModel': 'expirationModel', 'ImportState': 'importState', 'KeyId': 'keyId', 'KeyMaterialDescription': 'keyMaterialDescription', 'KeyMaterialId': 'keyMaterialId', 'KeyMaterialState': 'keyMaterialState', 'RotationType': 'rotationType'}
_c1089 = {'RotationDate': 0, 'ValidTo': 1}
_c1090 = {'Marker': 0, 'Limit': 1}
_c1099 = {'NextMarker': 'NextMarker', 'Truncated': 'Truncated'}
_c1101 = {'Keys': 0}
_c1108 = {'KeyArn': 'KeyArn', 'KeyId': 'KeyId'}
_c1113 = {'Limit': 'limit', 'Marker': 'marker'}
_c1118 = {'NextMarker': 'nextMarker', 'Truncated': 'truncated'}
_c1120 = {'Keys': 0}
_c1127 = {'KeyArn': 'keyArn', 'KeyId': 'keyId'}
_c1128 = {'KeyId': 0, 'Marker': 0, 'Limit': 1}
_c1137 = {'NextMarker': 'NextMarker', 'Truncated': 'Truncated'}
_c1139 = {'Tags': 0}
_c1146 = {'TagKey': 'TagKey', 'TagValue': 'TagValue'}
_c1151 = {'KeyId': 'keyId', 'Limit': 'limit', 'Marker': 'marker'}
_c1156 = {'NextMarker': 'nextMarker', 'Truncated': 'truncated'}
_c1158 = {'Tags': 0}
_c1165 = {'TagKey': 'tagKey', 'TagValue': 'tagValue'}
_c1166 = {'Marker': 0, 'RetiringPrincipal': 0, 'Limit': 1}
_c1175 = {'NextMarker': 'NextMarker', 'Truncated': 'Truncated'}
_c1177 = {'Grants': 0}
_c1184 = {'GrantId': 'GrantId', 'GranteePrincipal': 'GranteePrincipal', 'IssuingAccount': 'IssuingAccount', 'KeyId': 'KeyId', 'Name': 'Name', 'RetiringPrincipal': 'RetiringPrincipal'}
_c1186 = {'Constraints': 0, 'CreationDate': 1, 'Operations': 2}
_c1191 = {}
_c1193 = {'EncryptionContextEquals': 0, 'EncryptionContextSubset': 1}
_c1198 = {'Limit': 'limit', 'Marker': 'marker', 'RetiringPrincipal': 'retiringPrincipal'}
_c1203 = {'NextMarker': 'nextMarker', 'Truncated': 'truncated'}
_c1205 = {'Grants': 0}
_c1212 = {'GrantId': 'grantId', 'GranteePrincipal': 'granteePrincipal', 'IssuingAccount': 'issuingAccount', 'KeyId': 'keyId', 'Name': 'name', 'RetiringPrincipal': 'retiringPrincipal'}
_c1214 = {'Constraints': 0, 'CreationDate': 1, 'Operations': 2}
_c1219 = {}
_c1221 = {'EncryptionContextEquals': 0, 'EncryptionContextSubset': 1}
_c1222 = {'KeyId': 0, 'Policy': 0, 'PolicyName': 0, 'BypassPolicyLockoutSafetyCheck': 1}
_c1231 = {'BypassPolicyLockoutSafetyCheck': 'bypassPolicyLockoutSafetyCheck', 'KeyId': 'keyId', 'Policy': 'policy', 'PolicyName': 'policyName'}
_c1232 = {'DestinationEncryptionAlgorithm': 0, 'DestinationKeyId': 0, 'SourceEncryptionAlgorithm': 0, 'SourceKeyId': 0, 'CiphertextBlob': 1, 'DestinationEncryptionContext': 2, 'DryRun': 3, 'DryRunModifiers': 4, 'GrantTokens': 5, 'SourceEncryptionContext': 6}
_c1249 = {'DestinationEncryptionAlgorithm': 'DestinationEncryptionAlgorithm', 'DestinationKeyMaterialId': 'DestinationKeyMaterialId', 'KeyId': 'KeyId', 'SourceEncryptionAlgorithm': 'SourceEncryptionAlgorithm', 'SourceKeyId': 'SourceKeyId', 'SourceKeyMaterialId': 'SourceKeyMaterialId'}
_c1251 = {'CiphertextBlob': 0}
_c1256 = {'DestinationEncryptionAlgorithm': 'destinationEncryptionAlgorithm', 'DestinationKeyId': 'destinationKeyId', 'DryRun': 'dryRun', 'SourceEncryptionAlgorithm': 'sourceEncryptionAlgorithm', 'SourceKeyId': 'sourceKeyId'}
_c1258 = {'DestinationEncryptionContext': 0, 'DryRunModifiers': 1, 'GrantTokens': 2, 'SourceEncryptionContext': 3}
_c1263 = {'DestinationEncryptionAlgorithm': 'destinationEncryptionAlgorithm', 'DestinationKeyMaterialId': 'destinationKeyMaterialId', 'KeyId': 'keyId', 'SourceEncryptionAlgorithm': 'sourceEncryptionAlgorithm', 'SourceKeyId': 'sourceKeyId', 'SourceKeyMaterialId': 'sourceKeyMaterialId'}
_c1264 = {'Description': 0, 'KeyId': 0, 'Policy': 0, 'ReplicaRegion': 0, 'BypassPolicyLockoutSafetyCheck': 1, 'Tags': 2}
_c1271 = {'TagKey': 0, 'TagValue': 0}
_c1280 = {'ReplicaPolicy': 'ReplicaPolicy'}
_c1282 = {'ReplicaKeyMetadata': 0, 'ReplicaTags': 1}
_c1287 = {'AWSAccountId': 'AWSAccountId', 'Arn': 'Arn', 'CloudHsmClusterId': 'CloudHsmClusterId', 'CurrentKeyMaterialId': 'CurrentKeyMaterialId', 'CustomKeyStoreId': 'CustomKeyStoreId', 'CustomerMasterKeySpec': 'CustomerMasterKeySpec', 'Description': 'Description', 'Enabled': 'Enabled', 'ExpirationModel': 'ExpirationModel', 'KeyId': 'KeyId', 'KeyManager': 'KeyManager', 'KeySpec': 'KeySpec', 'KeyState': 'KeyState', 'KeyUsage': 'KeyUsage', 'MultiRegion': 'MultiRegion', 'Origin': 'Origin', 'PendingDeletionWindowInDays': 'PendingDeletionWindowInDays'}
_c1289 = {'CreationDate': 0, 'DeletionDate': 1, 'EncryptionAlgorithms': 2, 'KeyAgreementAlgorithms': 3, 'MacAlgorithms': 4, 'MultiRegionConfiguration': 5, 'SigningAlgorithms': 6, 'ValidTo': 7, 'XksKeyConfiguration': 8}
_c1294 = {'MultiRegionKeyType': 'MultiRegionKeyType'}
_c1296 = {'PrimaryKey': 0, 'ReplicaKeys': 1}
_c1301 = {'Arn': 'Arn', 'Region': 'Region'}
_c1308 = {'Arn': 'Arn', 'Region': 'Region'}
_c1313 = {'Id': 'Id'}
_c1320 = {'TagKey': 'TagKey', 'TagValue': 'TagValue'}
_c1325 = {'BypassPolicyLockoutSafetyCheck': 'bypassPolicyLockoutSafetyCheck', 'Description': 'description', 'KeyId': 'keyId', 'Policy': 'policy', 'ReplicaRegion': 'replicaRegion'}
_c1327 = {'Tags': 0}
_c1334 = {'TagKey': 'tagKey', 'TagValue': 'tagValue'}
_c1339 = {'ReplicaPolicy': 'replicaPolicy'}
_c1341 = {'ReplicaKeyMetadata': 0, 'ReplicaTags': 1}
_c1346 = {'AWSAccountId': 'aWSAccountId', 'Arn': 'arn', 'CloudHsmClusterId': 'cloudHsmClusterId', 'CurrentKeyMaterialId': 'currentKeyMaterialId', 'CustomKeyStoreId': 'customKeyStoreId', 'CustomerMasterKeySpec': 'customerMasterKeySpec', 'Description': 'description', 'Enabled': 'enabled', 'ExpirationModel': 'expirationModel', 'KeyId': 'keyId', 'KeyManager': 'keyManager', 'KeySpec': 'keySpec', 'KeyState': 'keyState', 'KeyUsage': 'keyUsage', 'MultiRegion': 'multiRegion', 'Origin': 'origin', 'PendingDeletionWindowInDays': 'pendingDeletionWindowInDays'}
_c1348 = {'CreationDate': 0, 'DeletionDate': 1, 'EncryptionAlgorithms': 2, 'KeyAgreementAlgorithms': 3, 'MacAlgorithms': 4, 'MultiRegionConfiguration': 5, 'SigningAlgorithms': 6, 'ValidTo': 7, 'XksKeyConfiguration': 8}
_c1353 = {'MultiRegionKeyType': 'multiRegionKeyType'}
_c1355 = {'PrimaryKey': 0, 'ReplicaKeys': 1}
_c1360 = {'Arn': 'arn', 'Region': 'region'}
_c1367 = {'Arn': 'arn', 'Region': 'region'}
_c1372 = {'Id': 'id'}
_c1379 = {'TagKey': 'tagKey', 'TagValue': 'tagValue'}
_c1380 = {'GrantId': 0, 'GrantToken': 0, 'KeyId': 0, 'DryRun': 1}
_c1389 = {'DryRun': 'dryRun', 'GrantId': 'grantId', 'GrantToken': 'grantToken', 'KeyId': 'keyId'}
_c1390 = {'GrantId': 0, 'KeyId': 0, 'DryRun': 1}
_c1399 = {'DryRun': 'dryRun', 'GrantId': 'grantId', 'KeyId': 'keyId'}
_c1400 = {'KeyId': 0}
_c1409 = {'KeyId': 'KeyId'}
_c1414 = {'KeyId': 'keyId'}
_c1419 = {'KeyId': 'keyId'}
_c1420 = {'KeyId': 0, 'PendingWindowInDays': 1}
_c1429 = {'KeyId': 'KeyId', 'KeyState': 'KeyState', 'PendingWindowInDays': 'PendingWindowInDays'}
_c1431 = {'DeletionDate': 0}
_c1436 = {'KeyId': 'keyId', 'PendingWindowInDays': 'pendingWindowInDays'}
_c1441 = {'KeyId': 'keyId', 'KeyState': 'keyState', 'PendingWindowInDays': 'pendingWindowInDays'}
_c1443 = {'DeletionDate': 0}
_c1444 = {'KeyId': 0, 'MessageType': 0, 'SigningAlgorithm': 0, 'Message': 1, 'DryRun': 2, 'GrantTokens': 3}
_c1454 = {'KeyId': 'KeyId', 'SigningAlgorithm': 'SigningAlgorithm'}
_c1456 = {'Signature': 0}
_c1461 = {'DryRun': 'dryRun', 'KeyId': 'keyId', 'MessageType': 'messageType', 'SigningAlgorithm': 'signingAlgorithm'}
_c1463 = {'GrantTokens': 0}
_c1468 = {'KeyId': 'keyId', 'SigningAlgorithm': 'signingAlgorithm'}
_c1469 = {'KeyId': 0, 'Tags': 1}
_c1476 = {'TagKey': 0, 'TagValue': 0}
_c1485 = {'KeyId': 'keyId'}
_c1487 = {'Tags': 0}
_c1494 = {'TagKey': 'tagKey', 'TagValue': 'tagValue'}
_c1495 = {'KeyId': 0, 'TagKeys': 1}
_c1505 = {'KeyId': 'keyId'}
_c1507 = {'TagKeys': 0}
_c1508 = {'AliasName': 0, 'TargetKeyId': 0}
_c1517 = {'AliasName': 'aliasName', 'TargetKeyId': 'targetKeyId'}
_c1518 = {'CloudHsmClusterId': 0, 'CustomKeyStoreId': 0, 'KeyStorePassword': 0, 'NewCustomKeyStoreName': 0, 'XksProxyConnectivity': 0, 'XksProxyUriEndpoint': 0, 'XksProxyUriPath': 0, 'XksProxyVpcEndpointServiceName': 0, 'XksProxyVpcEndpointServiceOwner': 0, 'XksProxyAuthenticationCredential': 1}
_c1523 = {'AccessKeyId': 0, 'RawSecretAccessKey': 0}
_c1532 = {}
_c1537 = {'CloudHsmClusterId': 'cloudHsmClusterId', 'CustomKeyStoreId': 'customKeyStoreId', 'NewCustomKeyStoreName': 'newCustomKeyStoreName', 'XksProxyConnectivity': 'xksProxyConnectivity', 'XksProxyUriEndpoint': 'xksProxyUriEndpoint', 'XksProxyUriPath': 'xksProxyUriPath', 'XksProxyVpcEndpointServiceName': 'xksProxyVpcEndpointServiceName', 'XksProxyVpcEndpointServiceOwner': 'xksProxyVpcEndpointServiceOwner'}
_c1539 = {'XksProxyAuthenticationCredential': 0}
_c1544 = {}
_c1549 = {}
_c1550 = {'Description': 0, 'KeyId': 0}
_c1559 = {'Description': 'description', 'KeyId': 'keyId'}
_c1560 = {'KeyId': 0, 'PrimaryRegion': 0}
_c1569 = {'KeyId': 'keyId', 'PrimaryRegion': 'primaryRegion'}
_c1570 = {'KeyId': 0, 'MessageType': 0, 'SigningAlgorithm': 0, 'Message': 1, 'Signature': 1, 'DryRun': 2, 'GrantTokens': 3}
_c1580 = {'KeyId': 'KeyId', 'SignatureValid': 'SignatureValid', 'SigningAlgorithm': 'SigningAlgorithm'}
_c1585 = {'DryRun': 'dryRun', 'KeyId': 'keyId', 'MessageType': 'messageType', 'SigningAlgorithm': 'signingAlgorithm'}
_c1587 = {'GrantTokens': 0}
_c1592 = {'KeyId': 'keyId', 'SignatureValid': 'signatureValid', 'SigningAlgorithm': 'signingAlgorithm'}
_c1593 = {'KeyId': 0, 'MacAlgorithm': 0, 'Mac': 1, 'Message': 1, 'DryRun': 2, 'GrantTokens': 3}
_c1603 = {'KeyId': 'KeyId', 'MacAlgorithm': 'MacAlgorithm', 'MacValid': 'MacValid'}
_c1608 = {'DryRun': 'dryRun', 'KeyId': 'keyId', 'MacAlgorithm': 'macAlgorithm'}
_c1610 = {'GrantTokens': 0}
_c1615 = {'KeyId': 'keyId', 'MacAlgorithm': 'macAlgorithm', 'MacValid': 'macValid'}


def decode_CancelKeyDeletion(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d5 = False
        for n2, x3 in v.items():
            c4 = _c1.get(n2)
            if c4 == 0:
                if not (type(x3) is str):
                    if x3 is not None:
                        raise _wrong(x3, "a string", f"{_camel(n2)}")
                    d5 = True
            else:  # not a member
                d5 = True
        if d5:
            v = {n: x for n, x in v.items() if n in _c1 and x is not None}
    return v


def encode_CancelKeyDeletionResponse(v: Any) -> Any:
    s9 = {}
    for n6, x7 in v.items():
        e8 = _c10.get(n6)
        if e8 is not None:
            if x7 is not None:
                s9[e8] = x7
    v = s9
    return v


def audit_CancelKeyDeletionRequest(v: Any) -> Any:
    s14 = {}
    for n11, x12 in v.items():
        e13 = _c15.get(n11)
        if e13 is not None:
            if x12 is not None:
                s14[e13] = x12
    v = s14
    return v


def audit_CancelKeyDeletionResponse(v: Any) -> Any:
    s19 = {}
    for n16, x17 in v.items():
        e18 = _c20.get(n16)
        if e18 is not None:
            if x17 is not None:
                s19[e18] = x17
    v = s19
    return v


def decode_ConnectCustomKeyStore(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d25 = False
        for n22, x23 in v.items():
            c24 = _c21.get(n22)
            if c24 == 0:
                if not (type(x23) is str):
                    if x23 is not None:
                        raise _wrong(x23, "a string", f"{_camel(n22)}")
                    d25 = True
            else:  # not a member
                d25 = True
        if d25:
            v = {n: x for n, x in v.items() if n in _c21 and x is not None}
    return v


def encode_ConnectCustomKeyStoreResponse(v: Any) -> Any:
    s29 = {}
    for n26, x27 in v.items():
        e28 = _c30.get(n26)
        if e28 is not None:
            if x27 is not None:
                s29[e28] = x27
    v = s29
    return v


def audit_ConnectCustomKeyStoreRequest(v: Any) -> Any:
    s34 = {}
    for n31, x32 in v.items():
        e33 = _c35.get(n31)
        if e33 is not None:
            if x32 is not None:
                s34[e33] = x32
    v = s34
    return v


def audit_ConnectCustomKeyStoreResponse(v: Any) -> Any:
    s39 = {}
    for n36, x37 in v.items():
        e38 = _c40.get(n36)
        if e38 is not None:
            if x37 is not None:
                s39[e38] = x37
    v = s39
    return v


def decode_CreateAlias(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d45 = False
        for n42, x43 in v.items():
            c44 = _c41.get(n42)
            if c44 == 0:
                if not (type(x43) is str):
                    if x43 is not None:
                        raise _wrong(x43, "a string", f"{_camel(n42)}")
                    d45 = True
            else:  # not a member
                d45 = True
        if d45:
            v = {n: x for n, x in v.items() if n in _c41 and x is not None}
    return v


def audit_CreateAliasRequest(v: Any) -> Any:
    s49 = {}
    for n46, x47 in v.items():
        e48 = _c50.get(n46)
        if e48 is not None:
            if x47 is not None:
                s49[e48] = x47
    v = s49
    return v


def decode_CreateCustomKeyStore(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d55 = False
        for n52, x53 in v.items():
            c54 = _c51.get(n52)
            if c54 == 0:
                if not (type(x53) is str):
                    if x53 is not None:
                        raise _wrong(x53, "a string", f"{_camel(n52)}")
                    d55 = True
            elif c54 == 1:
                if not (type(x53) is dict):
                    if x53 is not None:
                        raise _wrong(x53, "a structure", f"{_camel(n52)}")
                    d55 = True
                else:
                    d60 = False
                    for n57, x58 in x53.items():
                        c59 = _c56.get(n57)
                        if c59 == 0:
                            if not (type(x58) is str):
                                if x58 is not None:
                                    raise _wrong(x58, "a string", f"{_camel(n52)}.{_camel(n57)}")
                                d60 = True
                        else:  # not a member
                            d60 = True
                    if d60:
                        x53 = {n: x for n, x in x53.items() if n in _c56 and x is not None}
                    v[n52] = x53
            else:  # not a member
                d55 = True
        if d55:
            v = {n: x for n, x in v.items() if n in _c51 and x is not None}
    return v


def encode_CreateCustomKeyStoreResponse(v: Any) -> Any:
    s64 = {}
    for n61, x62 in v.items():
        e63 = _c65.get(n61)
        if e63 is not None:
            if x62 is not None:
                s64[e63] = x62
    v = s64
    return v


def audit_CreateCustomKeyStoreRequest(v: Any) -> Any:
    s69 = {}
    for n66, x67 in v.items():
        e68 = _c70.get(n66)
        if e68 is not None:
            if x67 is not None:
                s69[e68] = x67
        else:
            c71 = _c72.get(n66)
            if c71 == 0:
                if x67 is not None:
                    s76 = {}
                    for n73, x74 in x67.items():
                        e75 = _c77.get(n73)
                        if e75 is not None:
                            if x74 is not None:
                                s76[e75] = x74
                    x67 = s76
                    s69['xksProxyAuthenticationCredential'] = x67
    v = s69
    return v


def audit_CreateCustomKeyStoreResponse(v: Any) -> Any:
    s81 = {}
    for n78, x79 in v.items():
        e80 = _c82.get(n78)
        if e80 is not None:
            if x79 is not None:
                s81[e80] = x79
    v = s81
    return v


def decode_CreateGrant(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d87 = False
        for n84, x85 in v.items():
            c86 = _c83.get(n84)
            if c86 == 0:
                if not (type(x85) is str):
                    if x85 is not None:
                        raise _wrong(x85, "a string", f"{_camel(n84)}")
                    d87 = True
            elif c86 == 1:
                if not (type(x85) is dict):
                    if x85 is not None:
                        raise _wrong(x85, "a structure", f"{_camel(n84)}")
                    d87 = True
                else:
                    d92 = False
                    for n89, x90 in x85.items():
                        c91 = _c88.get(n89)
                        if c91 == 0:
                            if not (type(x90) is dict):
                                if x90 is not None:
                                    raise _wrong(x90, "a map", f"{_camel(n84)}.{_camel(n89)}")
                                d92 = True
                            else:
                                d95 = False
                                for k93, x94 in x90.items():
                                    if not (type(x94) is str):
                                        if x94 is not None:
                                            raise _wrong(x94, "a string", f"{_camel(n84)}.{_camel(n89)}.{k93}")
                                        d95 = True
                                if d95:
                                    x90 = {k: x for k, x in x90.items() if x is not None}
                                x85[n89] = x90
                        elif c91 == 1:
                            if not (type(x90) is dict):
                                if x90 is not None:
                                    raise _wrong(x90, "a map", f"{_camel(n84)}.{_camel(n89)}")
                                d92 = True
                            else:
                                d98 = False
                                for k96, x97 in x90.items():
                                    if not (type(x97) is str):
                                        if x97 is not None:
                                            raise _wrong(x97, "a string", f"{_camel(n84)}.{_camel(n89)}.{k96}")
                                        d98 = True
                                if d98:
                                    x90 = {k: x for k, x in x90.items() if x is not None}
                                x85[n89] = x90
                        else:  # not a member
                            d92 = True
                    if d92:
                        x85 = {n: x for n, x in x85.items() if n in _c88 and x is not None}
                    v[n84] = x85
            elif c86 == 2:
                if not (type(x85) is bool):
                    if x85 is not None:
                        raise _wrong(x85, "a boolean", f"{_camel(n84)}")
                    d87 = True
            elif c86 == 3:
                if not (type(x85) is list):
                    if x85 is not None:
                        raise _wrong(x85, "a list", f"{_camel(n84)}")
                    d87 = True
                else:
                    for x99 in x85:
                        if not (type(x99) is str):
                            raise _wrong(x99, "a string", f"{_camel(n84)}.{_position(x85, x99)}")
            elif c86 == 4:
                if not (type(x85) is list):
                    if x85 is not None:
                        raise _wrong(x85, "a list", f"{_camel(n84)}")
                    d87 = True
                else:
                    for x100 in x85:
                        if not (type(x100) is str):
                            raise _wrong(x100, "a string", f"{_camel(n84)}.{_position(x85, x100)}")
            else:  # not a member
                d87 = True
        if d87:
            v = {n: x for n, x in v.items() if n in _c83 and x is not None}
    return v


def encode_CreateGrantResponse(v: Any) -> Any:
    s104 = {}
    for n101, x102 in v.items():
        e103 = _c105.get(n101)
        if e103 is not None:
            if x102 is not None:
                s104[e103] = x102
    v = s104
    return v


def audit_CreateGrantRequest(v: Any) -> Any:
    s109 = {}
    for n106, x107 in v.items():
        e108 = _c110.get(n106)
        if e108 is not None:
            if x107 is not None:
                s109[e108] = x107
        else:
            c111 = _c112.get(n106)
            if c111 == 0:
                if x107 is not None:
                    s116 = {}
                    for n113, x114 in x107.items():
                        e115 = _c117.get(n113)
                        if e115 is not None:
                            if x114 is not None:
                                s116[e115] = x114
                        else:
                            c118 = _c119.get(n113)
                            if c118 == 0:
                                if x114 is not None:
                                    x114 = dict(x114)
                                    s116['encryptionContextEquals'] = x114
                            elif c118 == 1:
                                if x114 is not None:
                                    x114 = dict(x114)
                                    s116['encryptionContextSubset'] = x114
                    x107 = s116
                    s109['constraints'] = x107
            elif c111 == 1:
                if x107 is not None:
                    x107 = list(x107)
                    s109['grantTokens'] = x107
            elif c111 == 2:
                if x107 is not None:
                    x107 = list(x107)
                    s109['operations'] = x107
    v = s109
    return v


def audit_CreateGrantResponse(v: Any) -> Any:
    s123 = {}
    for n120, x121 in v.items():
        e122 = _c124.get(n120)
        if e122 is not None:
            if x121 is not None:
                s123[e122] = x121
    v = s123
    return v


def decode_CreateKey(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d129 = False
        for n126, x127 in v.items():
            c128 = _c125.get(n126)
            if c128 == 0:
                if not (type(x127) is str):
                    if x127 is not None:
                        raise _wrong(x127, "a string", f"{_camel(n126)}")
                    d129 = True
            elif c128 == 1:
                if not (type(x127) is bool):
                    if x127 is not None:
                        raise _wrong(x127, "a boolean", f"{_camel(n126)}")
                    d129 = True
            elif c128 == 2:
                if not (type(x127) is list):
                    if x127 is not None:
                        raise _wrong(x127, "a list", f"{_camel(n126)}")
                    d129 = True
                else:
                    l131 = []
                    for x130 in x127:
                        if not (type(x130) is dict):
                            raise _wrong(x130, "a structure", f"{_camel(n126)}.{_position(x127, x130)}")
                        else:
                            d136 = False
                            for n133, x134 in x130.items():
                                c135 = _c132.get(n133)
                                if c135 == 0:
                                    if not (type(x134) is str):
                                        if x134 is not None:
                                            raise _wrong(x134, "a string", f"{_camel(n126)}.{_position(x127, x130)}.{_camel(n133)}")
                                        d136 = True
                                else:  # not a member
                                    d136 = True
                            if d136:
                                x130 = {n: x for n, x in x130.items() if n in _c132 and x is not None}
                        l131.append(x130)
                    x127 = l131
                    v[n126] = x127
            else:  # not a member
                d129 = True
        if d129:
            v = {n: x for n, x in v.items() if n in _c125 and x is not None}
    return v


def encode_CreateKeyResponse(v: Any) -> Any:
    s140 = {}
    for n137, x138 in v.items():
        e139 = _c141.get(n137)
        if e139 is not None:
            if x138 is not None:
                s140[e139] = x138
        else:
            c142 = _c143.get(n137)
            if c142 == 0:
                if x138 is not None:
                    s147 = {}
                    for n144, x145 in x138.items():
                        e146 = _c148.get(n144)
                        if e146 is not None:
                            if x145 is not None:
                                s147[e146] = x145
                        else:
                            c149 = _c150.get(n144)
                            if c149 == 0:
                                if x145 is not None:
                                    x145 = round(x145.timestamp(), 3)
                                    s147['CreationDate'] = x145
                            elif c149 == 1:
                                if x145 is not None:
                                    x145 = round(x145.timestamp(), 3)
                                    s147['DeletionDate'] = x145
                            elif c149 == 2:
                                if x145 is not None:
                                    x145 = list(x145)
                                    s147['EncryptionAlgorithms'] = x145
                            elif c149 == 3:
                                if x145 is not None:
                                    x145 = list(x145)
                                    s147['KeyAgreementAlgorithms'] = x145
                            elif c149 == 4:
                                if x145 is not None:
                                    x145 = list(x145)
                                    s147['MacAlgorithms'] = x145
                            elif c149 == 5:
                                if x145 is not None:
                                    s154 = {}
                                    for n151, x152 in x145.items():
                                        e153 = _c155.get(n151)
                                        if e153 is not None:
                                            if x152 is not None:
                                                s154[e153] = x152
                                        else:
                                            c156 = _c157.get(n151)
                                            if c156 == 0:
                                                if x152 is not None:
                                                    s161 = {}
                                                    for n158, x159 in x152.items():
                                                        e160 = _c162.get(n158)
                                                        if e160 is not None:
                                                            if x159 is not None:
                                                                s161[e160] = x159
                                                    x152 = s161
                                                    s154['PrimaryKey'] = x152
                                            elif c156 == 1:
                                                if x152 is not None:
                                                    l164 = []
                                                    for x163 in x152:
                                                        s168 = {}
                                                        for n165, x166 in x163.items():
                                                            e167 = _c169.get(n165)
                                                            if e167 is not None:
                                                                if x166 is not None:
                                                                    s168[e167] = x166
                                                        x163 = s168
                                                        l164.append(x163)
                                                    x152 = l164
                                                    s154['ReplicaKeys'] = x152
                                    x145 = s154
                                    s147['MultiRegionConfiguration'] = x145
                            elif c149 == 6:
                                if x145 is not None:
                                    x145 = list(x145)
                                    s147['SigningAlgorithms'] = x145
                            elif c149 == 7:
                                if x145 is not None:
                                    x145 = round(x145.timestamp(), 3)
                                    s147['ValidTo'] = x145
                            elif c149 == 8:
                                if x145 is not None:
                                    s173 = {}
                                    for n170, x171 in x145.items():
                                        e172 = _c174.get(n170)
                                        if e172 is not None:
                                            if x171 is not None:
                                                s173[e172] = x171
                                    x145 = s173
                                    s147['XksKeyConfiguration'] = x145
                    x138 = s147
                    s140['KeyMetadata'] = x138
    v = s140
    return v


def audit_CreateKeyRequest(v: Any) -> Any:
    s178 = {}
    for n175, x176 in v.items():
        e177 = _c179.get(n175)
        if e177 is not None:
            if x176 is not None:
                s178[e177] = x176
        else:
            c180 = _c181.get(n175)
            if c180 == 0:
                if x176 is not None:
                    l183 = []
                    for x182 in x176:
                        s187 = {}
                        for n184, x185 in x182.items():
                            e186 = _c188.get(n184)
                            if e186 is not None:
                                if x185 is not None:
                                    s187[e186] = x185
                        x182 = s187
                        l183.append(x182)
                    x176 = l183
                    s178['tags'] = x176
    v = s178
    return v


def audit_CreateKeyResponse(v: Any) -> Any:
    s192 = {}
    for n189, x190 in v.items():
        e191 = _c193.get(n189)
        if e191 is not None:
            if x190 is not None:
                s192[e191] = x190
        else:
            c194 = _c195.get(n189)
            if c194 == 0:
                if x190 is not None:
                    s199 = {}
                    for n196, x197 in x190.items():
                        e198 = _c200.get(n196)
                        if e198 is not None:
                            if x197 is not None:
                                s199[e198] = x197
                        else:
                            c201 = _c202.get(n196)
                            if c201 == 0:
                                if x197 is not None:
                                    x197 = round(x197.timestamp(), 3)
                                    s199['creationDate'] = x197
                            elif c201 == 1:
                                if x197 is not None:
                                    x197 = round(x197.timestamp(), 3)
                                    s199['deletionDate'] = x197
                            elif c201 == 2:
                                if x197 is not None:
                                    x197 = list(x197)
                                    s199['encryptionAlgorithms'] = x197
                            elif c201 == 3:
                                if x197 is not None:
                                    x197 = list(x197)
                                    s199['keyAgreementAlgorithms'] = x197
                            elif c201 == 4:
                                if x197 is not None:
                                    x197 = list(x197)
                                    s199['macAlgorithms'] = x197
                            elif c201 == 5:
                                if x197 is not None:
                                    s206 = {}
                                    for n203, x204 in x197.items():
                                        e205 = _c207.get(n203)
                                        if e205 is not None:
                                            if x204 is not None:
                                                s206[e205] = x204
                                        else:
                                            c208 = _c209.get(n203)
                                            if c208 == 0:
                                                if x204 is not None:
                                                    s213 = {}
                                                    for n210, x211 in x204.items():
                                                        e212 = _c214.get(n210)
                                                        if e212 is not None:
                                                            if x211 is not None:
                                                                s213[e212] = x211
                                                    x204 = s213
                                                    s206['primaryKey'] = x204
                                            elif c208 == 1:
                                                if x204 is not None:
                                                    l216 = []
                                                    for x215 in x204:
                                                        s220 = {}
                                                        for n217, x218 in x215.items():
                                                            e219 = _c221.get(n217)
                                                            if e219 is not None:
                                                                if x218 is not None:
                                                                    s220[e219] = x218
                                                        x215 = s220
                                                        l216.append(x215)
                                                    x204 = l216
                                                    s206['replicaKeys'] = x204
                                    x197 = s206
                                    s199['multiRegionConfiguration'] = x197
                            elif c201 == 6:
                                if x197 is not None:
                                    x197 = list(x197)
                                    s199['signingAlgorithms'] = x197
                            elif c201 == 7:
                                if x197 is not None:
                                    x197 = round(x197.timestamp(), 3)
                                    s199['validTo'] = x197
                            elif c201 == 8:
                                if x197 is not None:
                                    s225 = {}
                                    for n222, x223 in x197.items():
                                        e224 = _c226.get(n222)
                                        if e224 is not None:
                                            if x223 is not None:
                                                s225[e224] = x223
                                    x197 = s225
                                    s199['xksKeyConfiguration'] = x197
                    x190 = s199
                    s192['keyMetadata'] = x190
    v = s192
    return v


def decode_Decrypt(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d231 = False
        for n228, x229 in v.items():
            c230 = _c227.get(n228)
            if c230 == 0:
                if not (type(x229) is str):
                    if x229 is not None:
                        raise _wrong(x229, "a string", f"{_camel(n228)}")
                    d231 = True
            elif c230 == 1:
                if not (type(x229) is str):
                    if x229 is not None:
                        raise _wrong(x229, "a base64 string", f"{_camel(n228)}")
                    d231 = True
                else:
                    try:
                        x229 = _a2b(x229, strict_mode=True)
                    except (_Error, ValueError):
                        raise _serialization(f"Value at '{_camel(n228)}' is not valid base64") from None
                    v[n228] = x229
            elif c230 == 2:
                if not (type(x229) is bool):
                    if x229 is not None:
                        raise _wrong(x229, "a boolean", f"{_camel(n228)}")
                    d231 = True
            elif c230 == 3:
                if not (type(x229) is list):
                    if x229 is not None:
                        raise _wrong(x229, "a list", f"{_camel(n228)}")
                    d231 = True
                else:
                    for x232 in x229:
                        if not (type(x232) is str):
                            raise _wrong(x232, "a string", f"{_camel(n228)}.{_position(x229, x232)}")
            elif c230 == 4:
                if not (type(x229) is dict):
                    if x229 is not None:
                        raise _wrong(x229, "a map", f"{_camel(n228)}")
                    d231 = True
                else:
                    d235 = False
                    for k233, x234 in x229.items():
                        if not (type(x234) is str):
                            if x234 is not None:
                                raise _wrong(x234, "a string", f"{_camel(n228)}.{k233}")
                            d235 = True
                    if d235:
                        x229 = {k: x for k, x in x229.items() if x is not None}
                    v[n228] = x229
            elif c230 == 5:
                if not (type(x229) is list):
                    if x229 is not None:
                        raise _wrong(x229, "a list", f"{_camel(n228)}")
                    d231 = True
                else:
                    for x236 in x229:
                        if not (type(x236) is str):
                            raise _wrong(x236, "a string", f"{_camel(n228)}.{_position(x229, x236)}")
            elif c230 == 6:
                if not (type(x229) is dict):
                    if x229 is not None:
                        raise _wrong(x229, "a structure", f"{_camel(n228)}")
                    d231 = True
                else:
                    d241 = False
                    for n238, x239 in x229.items():
                        c240 = _c237.get(n238)
                        if c240 == 0:
                            if not (type(x239) is str):
                                if x239 is not None:
                                    raise _wrong(x239, "a string", f"{_camel(n228)}.{_camel(n238)}")
                                d241 = True
                        elif c240 == 1:
                            if not (type(x239) is str):
                                if x239 is not None:
                                    raise _wrong(x239, "a base64 string", f"{_camel(n228)}.{_camel(n238)}")
                                d241 = True
                            else:
                                try:
                                    x239 = _a2b(x239, strict_mode=True)
                                except (_Error, ValueError):
                                    raise _serialization(f"Value at '{_camel(n228)}.{_camel(n238)}' is not valid base64") from None
                                x229[n238] = x239
                        else:  # not a member
                            d241 = True
                    if d241:
                        x229 = {n: x for n, x in x229.items() if n in _c237 and x is not None}
                    v[n228] = x229
            else:  # not a member
                d231 = True
        if d231:
            v = {n: x for n, x in v.items() if n in _c227 and x is not None}
    return v


def encode_DecryptResponse(v: Any) -> Any:
    s245 = {}
    for n242, x243 in v.items():
        e244 = _c246.get(n242)
        if e244 is not None:
            if x243 is not None:
                s245[e244] = x243
        else:
            c247 = _c248.get(n242)
            if c247 == 0:
                if x243 is not None:
                    x243 = _b2a(x243, newline=False).decode("ascii")
                    s245['CiphertextForRecipient'] = x243
            elif c247 == 1:
                if x243 is not None:
                    x243 = _b2a(x243, newline=False).decode("ascii")
                    s245['Plaintext'] = x243
    v = s245
    return v


def audit_DecryptRequest(v: Any) -> Any:
    s252 = {}
    for n249, x250 in v.items():
        e251 = _c253.get(n249)
        if e251 is not None:
            if x250 is not None:
                s252[e251] = x250
        else:
            c254 = _c255.get(n249)
            if c254 == 0:
                if x250 is not None:
                    x250 = list(x250)
                    s252['dryRunModifiers'] = x250
            elif c254 == 1:
                if x250 is not None:
                    x250 = dict(x250)
                    s252['encryptionContext'] = x250
            elif c254 == 2:
                if x250 is not None:
                    x250 = list(x250)
                    s252['grantTokens'] = x250
            elif c254 == 3:
                if x250 is not None:
                    s259 = {}
                    for n256, x257 in x250.items():
                        e258 = _c260.get(n256)
                        if e258 is not None:
                            if x257 is not None:
                                s259[e258] = x257
                    x250 = s259
                    s252['recipient'] = x250
    v = s252
    return v


def audit_DecryptResponse(v: Any) -> Any:
    s264 = {}
    for n261, x262 in v.items():
        e263 = _c265.get(n261)
        if e263 is not None:
            if x262 is not None:
                s264[e263] = x262
    v = s264
    return v


def decode_DeleteAlias(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d270 = False
        for n267, x268 in v.items():
            c269 = _c266.get(n267)
            if c269 == 0:
                if not (type(x268) is str):
                    if x268 is not None:
                        raise _wrong(x268, "a string", f"{_camel(n267)}")
                    d270 = True
            else:  # not a member
                d270 = True
        if d270:
            v = {n: x for n, x in v.items() if n in _c266 and x is not None}
    return v


def audit_DeleteAliasRequest(v: Any) -> Any:
    s274 = {}
    for n271, x272 in v.items():
        e273 = _c275.get(n271)
        if e273 is not None:
            if x272 is not None:
                s274[e273] = x272
    v = s274
    return v


def decode_DeleteCustomKeyStore(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d280 = False
        for n277, x278 in v.items():
            c279 = _c276.get(n277)
            if c279 == 0:
                if not (type(x278) is str):
                    if x278 is not None:
                        raise _wrong(x278, "a string", f"{_camel(n277)}")
                    d280 = True
            else:  # not a member
                d280 = True
        if d280:
            v = {n: x for n, x in v.items() if n in _c276 and x is not None}
    return v


def encode_DeleteCustomKeyStoreResponse(v: Any) -> Any:
    s284 = {}
    for n281, x282 in v.items():
        e283 = _c285.get(n281)
        if e283 is not None:
            if x282 is not None:
                s284[e283] = x282
    v = s284
    return v


def audit_DeleteCustomKeyStoreRequest(v: Any) -> Any:
    s289 = {}
    for n286, x287 in v.items():
        e288 = _c290.get(n286)
        if e288 is not None:
            if x287 is not None:
                s289[e288] = x287
    v = s289
    return v


def audit_DeleteCustomKeyStoreResponse(v: Any) -> Any:
    s294 = {}
    for n291, x292 in v.items():
        e293 = _c295.get(n291)
        if e293 is not None:
            if x292 is not None:
                s294[e293] = x292
    v = s294
    return v


def decode_DeleteImportedKeyMaterial(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d300 = False
        for n297, x298 in v.items():
            c299 = _c296.get(n297)
            if c299 == 0:
                if not (type(x298) is str):
                    if x298 is not None:
                        raise _wrong(x298, "a string", f"{_camel(n297)}")
                    d300 = True
            else:  # not a member
                d300 = True
        if d300:
            v = {n: x for n, x in v.items() if n in _c296 and x is not None}
    return v


def encode_DeleteImportedKeyMaterialResponse(v: Any) -> Any:
    s304 = {}
    for n301, x302 in v.items():
        e303 = _c305.get(n301)
        if e303 is not None:
            if x302 is not None:
                s304[e303] = x302
    v = s304
    return v


def audit_DeleteImportedKeyMaterialRequest(v: Any) -> Any:
    s309 = {}
    for n306, x307 in v.items():
        e308 = _c310.get(n306)
        if e308 is not None:
            if x307 is not None:
                s309[e308] = x307
    v = s309
    return v


def audit_DeleteImportedKeyMaterialResponse(v: Any) -> Any:
    s314 = {}
    for n311, x312 in v.items():
        e313 = _c315.get(n311)
        if e313 is not None:
            if x312 is not None:
                s314[e313] = x312
    v = s314
    return v


def decode_DeriveSharedSecret(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d320 = False
        for n317, x318 in v.items():
            c319 = _c316.get(n317)
            if c319 == 0:
                if not (type(x318) is str):
                    if x318 is not None:
                        raise _wrong(x318, "a string", f"{_camel(n317)}")
                    d320 = True
            elif c319 == 1:
                if not (type(x318) is str):
                    if x318 is not None:
                        raise _wrong(x318, "a base64 string", f"{_camel(n317)}")
                    d320 = True
                else:
                    try:
                        x318 = _a2b(x318, strict_mode=True)
                    except (_Error, ValueError):
                        raise _serialization(f"Value at '{_camel(n317)}' is not valid base64") from None
                    v[n317] = x318
            elif c319 == 2:
                if not (type(x318) is bool):
                    if x318 is not None:
                        raise _wrong(x318, "a boolean", f"{_camel(n317)}")
                    d320 = True
            elif c319 == 3:
                if not (type(x318) is list):
                    if x318 is not None:
                        raise _wrong(x318, "a list", f"{_camel(n317)}")
                    d320 = True
                else:
                    for x321 in x318:
                        if not (type(x321) is str):
                            raise _wrong(x321, "a string", f"{_camel(n317)}.{_position(x318, x321)}")
            elif c319 == 4:
                if not (type(x318) is dict):
                    if x318 is not None:
                        raise _wrong(x318, "a structure", f"{_camel(n317)}")
                    d320 = True
                else:
                    d326 = False
                    for n323, x324 in x318.items():
                        c325 = _c322.get(n323)
                        if c325 == 0:
                            if not (type(x324) is str):
                                if x324 is not None:
                                    raise _wrong(x324, "a string", f"{_camel(n317)}.{_camel(n323)}")
                                d326 = True
                        elif c325 == 1:
                            if not (type(x324) is str):
                                if x324 is not None:
                                    raise _wrong(x324, "a base64 string", f"{_camel(n317)}.{_camel(n323)}")
                                d326 = True
                            else:
                                try:
                                    x324 = _a2b(x324, strict_mode=True)
                                except (_Error, ValueError):
                                    raise _serialization(f"Value at '{_camel(n317)}.{_camel(n323)}' is not valid base64") from None
                                x318[n323] = x324
                        else:  # not a member
                            d326 = True
                    if d326:
                        x318 = {n: x for n, x in x318.items() if n in _c322 and x is not None}
                    v[n317] = x318
            else:  # not a member
                d320 = True
        if d320:
            v = {n: x for n, x in v.items() if n in _c316 and x is not None}
    return v


def encode_DeriveSharedSecretResponse(v: Any) -> Any:
    s330 = {}
    for n327, x328 in v.items():
        e329 = _c331.get(n327)
        if e329 is not None:
            if x328 is not None:
                s330[e329] = x328
        else:
            c332 = _c333.get(n327)
            if c332 == 0:
                if x328 is not None:
                    x328 = _b2a(x328, newline=False).decode("ascii")
                    s330['CiphertextForRecipient'] = x328
            elif c332 == 1:
                if x328 is not None:
                    x328 = _b2a(x328, newline=False).decode("ascii")
                    s330['SharedSecret'] = x328
    v = s330
    return v


def audit_DeriveSharedSecretRequest(v: Any) -> Any:
    s337 = {}
    for n334, x335 in v.items():
        e336 = _c338.get(n334)
        if e336 is not None:
            if x335 is not None:
                s337[e336] = x335
        else:
            c339 = _c340.get(n334)
            if c339 == 0:
                if x335 is not None:
                    x335 = list(x335)
                    s337['grantTokens'] = x335
            elif c339 == 1:
                if x335 is not None:
                    s344 = {}
                    for n341, x342 in x335.items():
                        e343 = _c345.get(n341)
                        if e343 is not None:
                            if x342 is not None:
                                s344[e343] = x342
                    x335 = s344
                    s337['recipient'] = x335
    v = s337
    return v


def audit_DeriveSharedSecretResponse(v: Any) -> Any:
    s349 = {}
    for n346, x347 in v.items():
        e348 = _c350.get(n346)
        if e348 is not None:
            if x347 is not None:
                s349[e348] = x347
    v = s349
    return v


def decode_DescribeCustomKeyStores(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d355 = False
        for n352, x353 in v.items():
            c354 = _c351.get(n352)
            if c354 == 0:
                if not (type(x353) is str):
                    if x353 is not None:
                        raise _wrong(x353, "a string", f"{_camel(n352)}")
                    d355 = True
            elif c354 == 1:
                if not (type(x353) is int):
                    if x353 is not None:
                        raise _wrong(x353, "a number", f"{_camel(n352)}")
                    d355 = True
            else:  # not a member
                d355 = True
        if d355:
            v = {n: x for n, x in v.items() if n in _c351 and x is not None}
    return v


def encode_DescribeCustomKeyStoresResponse(v: Any) -> Any:
    s359 = {}
    for n356, x357 in v.items():
        e358 = _c360.get(n356)
        if e358 is not None:
            if x357 is not None:
                s359[e358] = x357
        else:
            c361 = _c362.get(n356)
            if c361 == 0:
                if x357 is not None:
                    l364 = []
                    for x363 in x357:
                        s368 = {}
                        for n365, x366 in x363.items():
                            e367 = _c369.get(n365)
                            if e367 is not None:
                                if x366 is not None:
                                    s368[e367] = x366
                            else:
                                c370 = _c371.get(n365)
                                if c370 == 0:
                                    if x366 is not None:
                                        x366 = round(x366.timestamp(), 3)
                                        s368['CreationDate'] = x366
                                elif c370 == 1:
                                    if x366 is not None:
                                        s375 = {}
                                        for n372, x373 in x366.items():
                                            e374 = _c376.get(n372)
                                            if e374 is not None:
                                                if x373 is not None:
                                                    s375[e374] = x373
                                        x366 = s375
                                        s368['XksProxyConfiguration'] = x366
                        x363 = s368
                        l364.append(x363)
                    x357 = l364
                    s359['CustomKeyStores'] = x357
    v = s359
    return v


def audit_DescribeCustomKeyStoresRequest(v: Any) -> Any:
    s380 = {}
    for n377, x378 in v.items():
        e379 = _c381.get(n377)
        if e379 is not None:
            if x378 is not None:
                s380[e379] = x378
    v = s380
    return v


def audit_DescribeCustomKeyStoresResponse(v: Any) -> Any:
    s385 = {}
    for n382, x383 in v.items():
        e384 = _c386.get(n382)
        if e384 is not None:
            if x383 is not None:
                s385[e384] = x383
        else:
            c387 = _c388.get(n382)
            if c387 == 0:
                if x383 is not None:
                    l390 = []
                    for x389 in x383:
                        s394 = {}
                        for n391, x392 in x389.items():
                            e393 = _c395.get(n391)
                            if e393 is not None:
                                if x392 is not None:
                                    s394[e393] = x392
                            else:
                                c396 = _c397.get(n391)
                                if c396 == 0:
                                    if x392 is not None:
                                        x392 = round(x392.timestamp(), 3)
                                        s394['creationDate'] = x392
                                elif c396 == 1:
                                    if x392 is not None:
                                        s401 = {}
                                        for n398, x399 in x392.items():
                                            e400 = _c402.get(n398)
                                            if e400 is not None:
                                                if x399 is not None:
                                                    s401[e400] = x399
                                        x392 = s401
                                        s394['xksProxyConfiguration'] = x392
                        x389 = s394
                        l390.append(x389)
                    x383 = l390
                    s385['customKeyStores'] = x383
    v = s385
    return v


def decode_DescribeKey(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d407 = False
        for n404, x405 in v.items():
            c406 = _c403.get(n404)
            if c406 == 0:
                if not (type(x405) is str):
                    if x405 is not None:
                        raise _wrong(x405, "a string", f"{_camel(n404)}")
                    d407 = True
            elif c406 == 1:
                if not (type(x405) is list):
                    if x405 is not None:
                        raise _wrong(x405, "a list", f"{_camel(n404)}")
                    d407 = True
                else:
                    for x408 in x405:
                        if not (type(x408) is str):
                            raise _wrong(x408, "a string", f"{_camel(n404)}.{_position(x405, x408)}")
            else:  # not a member
                d407 = True
        if d407:
            v = {n: x for n, x in v.items() if n in _c403 and x is not None}
    return v


def encode_DescribeKeyResponse(v: Any) -> Any:
    s412 = {}
    for n409, x410 in v.items():
        e411 = _c413.get(n409)
        if e411 is not None:
            if x410 is not None:
                s412[e411] = x410
        else:
            c414 = _c415.get(n409)
            if c414 == 0:
                if x410 is not None:
                    s419 = {}
                    for n416, x417 in x410.items():
                        e418 = _c420.get(n416)
                        if e418 is not None:
                            if x417 is not None:
                                s419[e418] = x417
                        else:
                            c421 = _c422.get(n416)
                            if c421 == 0:
                                if x417 is not None:
                                    x417 = round(x417.timestamp(), 3)
                                    s419['CreationDate'] = x417
                            elif c421 == 1:
                                if x417 is not None:
                                    x417 = round(x417.timestamp(), 3)
                                    s419['DeletionDate'] = x417
                            elif c421 == 2:
                                if x417 is not None:
                                    x417 = list(x417)
                                    s419['EncryptionAlgorithms'] = x417
                            elif c421 == 3:
                                if x417 is not None:
                                    x417 = list(x417)
                                    s419['KeyAgreementAlgorithms'] = x417
                            elif c421 == 4:
                                if x417 is not None:
                                    x417 = list(x417)
                                    s419['MacAlgorithms'] = x417
                            elif c421 == 5:
                                if x417 is not None:
                                    s426 = {}
                                    for n423, x424 in x417.items():
                                        e425 = _c427.get(n423)
                                        if e425 is not None:
                                            if x424 is not None:
                                                s426[e425] = x424
                                        else:
                                            c428 = _c429.get(n423)
                                            if c428 == 0:
                                                if x424 is not None:
                                                    s433 = {}
                                                    for n430, x431 in x424.items():
                                                        e432 = _c434.get(n430)
                                                        if e432 is not None:
                                                            if x431 is not None:
                                                                s433[e432] = x431
                                                    x424 = s433
                                                    s426['PrimaryKey'] = x424
                                            elif c428 == 1:
                                                if x424 is not None:
                                                    l436 = []
                                                    for x435 in x424:
                                                        s440 = {}
                                                        for n437, x438 in x435.items():
                                                            e439 = _c441.get(n437)
                                                            if e439 is not None:
                                                                if x438 is not None:
                                                                    s440[e439] = x438
                                                        x435 = s440
                                                        l436.append(x435)
                                                    x424 = l436
                                                    s426['ReplicaKeys'] = x424
                                    x417 = s426
                                    s419['MultiRegionConfiguration'] = x417
                            elif c421 == 6:
                                if x417 is not None:
                                    x417 = list(x417)
                                    s419['SigningAlgorithms'] = x417
                            elif c421 == 7:
                                if x417 is not None:
                                    x417 = round(x417.timestamp(), 3)
                                    s419['ValidTo'] = x417
                            elif c421 == 8:
                                if x417 is not None:
                                    s445 = {}
                                    for n442, x443 in x417.items():
                                        e444 = _c446.get(n442)
                                        if e444 is not None:
                                            if x443 is not None:
                                                s445[e444] = x443
                                    x417 = s445
                                    s419['XksKeyConfiguration'] = x417
                    x410 = s419
                    s412['KeyMetadata'] = x410
    v = s412
    return v


def audit_DescribeKeyRequest(v: Any) -> Any:
    s450 = {}
    for n447, x448 in v.items():
        e449 = _c451.get(n447)
        if e449 is not None:
            if x448 is not None:
                s450[e449] = x448
        else:
            c452 = _c453.get(n447)
            if c452 == 0:
                if x448 is not None:
                    x448 = list(x448)
                    s450['grantTokens'] = x448
    v = s450
    return v


def audit_DescribeKeyResponse(v: Any) -> Any:
    s457 = {}
    for n454, x455 in v.items():
        e456 = _c458.get(n454)
        if e456 is not None:
            if x455 is not None:
                s457[e456] = x455
        else:
            c459 = _c460.get(n454)
            if c459 == 0:
                if x455 is not None:
                    s464 = {}
                    for n461, x462 in x455.items():
                        e463 = _c465.get(n461)
                        if e463 is not None:
                            if x462 is not None:
                                s464[e463] = x462
                        else:
                            c466 = _c467.get(n461)
                            if c466 == 0:
                                if x462 is not None:
                                    x462 = round(x462.timestamp(), 3)
                                    s464['creationDate'] = x462
                            elif c466 == 1:
                                if x462 is not None:
                                    x462 = round(x462.timestamp(), 3)
                                    s464['deletionDate'] = x462
                            elif c466 == 2:
                                if x462 is not None:
                                    x462 = list(x462)
                                    s464['encryptionAlgorithms'] = x462
                            elif c466 == 3:
                                if x462 is not None:
                                    x462 = list(x462)
                                    s464['keyAgreementAlgorithms'] = x462
                            elif c466 == 4:
                                if x462 is not None:
                                    x462 = list(x462)
                                    s464['macAlgorithms'] = x462
                            elif c466 == 5:
                                if x462 is not None:
                                    s471 = {}
                                    for n468, x469 in x462.items():
                                        e470 = _c472.get(n468)
                                        if e470 is not None:
                                            if x469 is not None:
                                                s471[e470] = x469
                                        else:
                                            c473 = _c474.get(n468)
                                            if c473 == 0:
                                                if x469 is not None:
                                                    s478 = {}
                                                    for n475, x476 in x469.items():
                                                        e477 = _c479.get(n475)
                                                        if e477 is not None:
                                                            if x476 is not None:
                                                                s478[e477] = x476
                                                    x469 = s478
                                                    s471['primaryKey'] = x469
                                            elif c473 == 1:
                                                if x469 is not None:
                                                    l481 = []
                                                    for x480 in x469:
                                                        s485 = {}
                                                        for n482, x483 in x480.items():
                                                            e484 = _c486.get(n482)
                                                            if e484 is not None:
                                                                if x483 is not None:
                                                                    s485[e484] = x483
                                                        x480 = s485
                                                        l481.append(x480)
                                                    x469 = l481
                                                    s471['replicaKeys'] = x469
                                    x462 = s471
                                    s464['multiRegionConfiguration'] = x462
                            elif c466 == 6:
                                if x462 is not None:
                                    x462 = list(x462)
                                    s464['signingAlgorithms'] = x462
                            elif c466 == 7:
                                if x462 is not None:
                                    x462 = round(x462.timestamp(), 3)
                                    s464['validTo'] = x462
                            elif c466 == 8:
                                if x462 is not None:
                                    s490 = {}
                                    for n487, x488 in x462.items():
                                        e489 = _c491.get(n487)
                                        if e489 is not None:
                                            if x488 is not None:
                                                s490[e489] = x488
                                    x462 = s490
                                    s464['xksKeyConfiguration'] = x462
                    x455 = s464
                    s457['keyMetadata'] = x455
    v = s457
    return v


def decode_DisableKey(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d496 = False
        for n493, x494 in v.items():
            c495 = _c492.get(n493)
            if c495 == 0:
                if not (type(x494) is str):
                    if x494 is not None:
                        raise _wrong(x494, "a string", f"{_camel(n493)}")
                    d496 = True
            else:  # not a member
                d496 = True
        if d496:
            v = {n: x for n, x in v.items() if n in _c492 and x is not None}
    return v


def audit_DisableKeyRequest(v: Any) -> Any:
    s500 = {}
    for n497, x498 in v.items():
        e499 = _c501.get(n497)
        if e499 is not None:
            if x498 is not None:
                s500[e499] = x498
    v = s500
    return v


def decode_DisableKeyRotation(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d506 = False
        for n503, x504 in v.items():
            c505 = _c502.get(n503)
            if c505 == 0:
                if not (type(x504) is str):
                    if x504 is not None:
                        raise _wrong(x504, "a string", f"{_camel(n503)}")
                    d506 = True
            else:  # not a member
                d506 = True
        if d506:
            v = {n: x for n, x in v.items() if n in _c502 and x is not None}
    return v


def audit_DisableKeyRotationRequest(v: Any) -> Any:
    s510 = {}
    for n507, x508 in v.items():
        e509 = _c511.get(n507)
        if e509 is not None:
            if x508 is not None:
                s510[e509] = x508
    v = s510
    return v


def decode_DisconnectCustomKeyStore(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d516 = False
        for n513, x514 in v.items():
            c515 = _c512.get(n513)
            if c515 == 0:
                if not (type(x514) is str):
                    if x514 is not None:
                        raise _wrong(x514, "a string", f"{_camel(n513)}")
                    d516 = True
            else:  # not a member
                d516 = True
        if d516:
            v = {n: x for n, x in v.items() if n in _c512 and x is not None}
    return v


def encode_DisconnectCustomKeyStoreResponse(v: Any) -> Any:
    s520 = {}
    for n517, x518 in v.items():
        e519 = _c521.get(n517)
        if e519 is not None:
            if x518 is not None:
                s520[e519] = x518
    v = s520
    return v


def audit_DisconnectCustomKeyStoreRequest(v: Any) -> Any:
    s525 = {}
    for n522, x523 in v.items():
        e524 = _c526.get(n522)
        if e524 is not None:
            if x523 is not None:
                s525[e524] = x523
    v = s525
    return v


def audit_DisconnectCustomKeyStoreResponse(v: Any) -> Any:
    s530 = {}
    for n527, x528 in v.items():
        e529 = _c531.get(n527)
        if e529 is not None:
            if x528 is not None:
                s530[e529] = x528
    v = s530
    return v


def decode_EnableKey(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d536 = False
        for n533, x534 in v.items():
            c535 = _c532.get(n533)
            if c535 == 0:
                if not (type(x534) is str):
                    if x534 is not None:
                        raise _wrong(x534, "a string", f"{_camel(n533)}")
                    d536 = True
            else:  # not a member
                d536 = True
        if d536:
            v = {n: x for n, x in v.items() if n in _c532 and x is not None}
    return v


def audit_EnableKeyRequest(v: Any) -> Any:
    s540 = {}
    for n537, x538 in v.items():
        e539 = _c541.get(n537)
        if e539 is not None:
            if x538 is not None:
                s540[e539] = x538
    v = s540
    return v


def decode_EnableKeyRotation(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d546 = False
        for n543, x544 in v.items():
            c545 = _c542.get(n543)
            if c545 == 0:
                if not (type(x544) is str):
                    if x544 is not None:
                        raise _wrong(x544, "a string", f"{_camel(n543)}")
                    d546 = True
            elif c545 == 1:
                if not (type(x544) is int):
                    if x544 is not None:
                        raise _wrong(x544, "a number", f"{_camel(n543)}")
                    d546 = True
            else:  # not a member
                d546 = True
        if d546:
            v = {n: x for n, x in v.items() if n in _c542 and x is not None}
    return v


def audit_EnableKeyRotationRequest(v: Any) -> Any:
    s550 = {}
    for n547, x548 in v.items():
        e549 = _c551.get(n547)
        if e549 is not None:
            if x548 is not None:
                s550[e549] = x548
    v = s550
    return v


def decode_Encrypt(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d556 = False
        for n553, x554 in v.items():
            c555 = _c552.get(n553)
            if c555 == 0:
                if not (type(x554) is str):
                    if x554 is not None:
                        raise _wrong(x554, "a string", f"{_camel(n553)}")
                    d556 = True
            elif c555 == 1:
                if not (type(x554) is str):
                    if x554 is not None:
                        raise _wrong(x554, "a base64 string", f"{_camel(n553)}")
                    d556 = True
                else:
                    try:
                        x554 = _a2b(x554, strict_mode=True)
                    except (_Error, ValueError):
                        raise _serialization(f"Value at '{_camel(n553)}' is not valid base64") from None
                    v[n553] = x554
            elif c555 == 2:
                if not (type(x554) is bool):
                    if x554 is not None:
                        raise _wrong(x554, "a boolean", f"{_camel(n553)}")
                    d556 = True
            elif c555 == 3:
                if not (type(x554) is dict):
                    if x554 is not None:
                        raise _wrong(x554, "a map", f"{_camel(n553)}")
                    d556 = True
                else:
                    d559 = False
                    for k557, x558 in x554.items():
                        if not (type(x558) is str):
                            if x558 is not None:
                                raise _wrong(x558, "a string", f"{_camel(n553)}.{k557}")
                            d559 = True
                    if d559:
                        x554 = {k: x for k, x in x554.items() if x is not None}
                    v[n553] = x554
            elif c555 == 4:
                if not (type(x554) is list):
                    if x554 is not None:
                        raise _wrong(x554, "a list", f"{_camel(n553)}")
                    d556 = True
                else:
                    for x560 in x554:
                        if not (type(x560) is str):
                            raise _wrong(x560, "a string", f"{_camel(n553)}.{_position(x554, x560)}")
            else:  # not a member
                d556 = True
        if d556:
            v = {n: x for n, x in v.items() if n in _c552 and x is not None}
    return v


def encode_EncryptResponse(v: Any) -> Any:
    s564 = {}
    for n561, x562 in v.items():
        e563 = _c565.get(n561)
        if e563 is not None:
            if x562 is not None:
                s564[e563] = x562
        else:
            c566 = _c567.get(n561)
            if c566 == 0:
                if x562 is not None:
                    x562 = _b2a(x562, newline=False).decode("ascii")
                    s564['CiphertextBlob'] = x562
    v = s564
    return v


def audit_EncryptRequest(v: Any) -> Any:
    s571 = {}
    for n568, x569 in v.items():
        e570 = _c572.get(n568)
        if e570 is not None:
            if x569 is not None:
                s571[e570] = x569
        else:
            c573 = _c574.get(n568)
            if c573 == 0:
                if x569 is not None:
                    x569 = dict(x569)
                    s571['encryptionContext'] = x569
            elif c573 == 1:
                if x569 is not None:
                    x569 = list(x569)
                    s571['grantTokens'] = x569
    v = s571
    return v


def audit_EncryptResponse(v: Any) -> Any:
    s578 = {}
    for n575, x576 in v.items():
        e577 = _c579.get(n575)
        if e577 is not None:
            if x576 is not None:
                s578[e577] = x576
    v = s578
    return v


def decode_GenerateDataKey(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d584 = False
        for n581, x582 in v.items():
            c583 = _c580.get(n581)
            if c583 == 0:
                if not (type(x582) is str):
                    if x582 is not None:
                        raise _wrong(x582, "a string", f"{_camel(n581)}")
                    d584 = True
            elif c583 == 1:
                if not (type(x582) is bool):
                    if x582 is not None:
                        raise _wrong(x582, "a boolean", f"{_camel(n581)}")
                    d584 = True
            elif c583 == 2:
                if not (type(x582) is dict):
                    if x582 is not None:
                        raise _wrong(x582, "a map", f"{_camel(n581)}")
                    d584 = True
                else:
                    d587 = False
                    for k585, x586 in x582.items():
                        if not (type(x586) is str):
                            if x586 is not None:
                                raise _wrong(x586, "a string", f"{_camel(n581)}.{k585}")
                            d587 = True
                    if d587:
                        x582 = {k: x for k, x in x582.items() if x is not None}
                    v[n581] = x582
            elif c583 == 3:
                if not (type(x582) is list):
                    if x582 is not None:
                        raise _wrong(x582, "a list", f"{_camel(n581)}")
                    d584 = True
                else:
                    for x588 in x582:
                        if not (type(x588) is str):
                            raise _wrong(x588, "a string", f"{_camel(n581)}.{_position(x582, x588)}")
            elif c583 == 4:
                if not (type(x582) is int):
                    if x582 is not None:
                        raise _wrong(x582, "a number", f"{_camel(n581)}")
                    d584 = True
            elif c583 == 5:
                if not (type(x582) is dict):
                    if x582 is not None:
                        raise _wrong(x582, "a structure", f"{_camel(n581)}")
                    d584 = True
                else:
                    d593 = False
                    for n590, x591 in x582.items():
                        c592 = _c589.get(n590)
                        if c592 == 0:
                            if not (type(x591) is str):
                                if x591 is not None:
                                    raise _wrong(x591, "a string", f"{_camel(n581)}.{_camel(n590)}")
                                d593 = True
                        elif c592 == 1:
                            if not (type(x591) is str):
                                if x591 is not None:
                                    raise _wrong(x591, "a base64 string", f"{_camel(n581)}.{_camel(n590)}")
                                d593 = True
                            else:
                                try:
                                    x591 = _a2b(x591, strict_mode=True)
                                except (_Error, ValueError):
                                    raise _serialization(f"Value at '{_camel(n581)}.{_camel(n590)}' is not valid base64") from None
                                x582[n590] = x591
                        else:  # not a member
                            d593 = True
                    if d593:
                        x582 = {n: x for n, x in x582.items() if n in _c589 and x is not None}
                    v[n581] = x582
            else:  # not a member
                d584 = True
        if d584:
            v = {n: x for n, x in v.items() if n in _c580 and x is not None}
    return v


def encode_GenerateDataKeyResponse(v: Any) -> Any:
    s597 = {}
    for n594, x595 in v.items():
        e596 = _c598.get(n594)
        if e596 is not None:
            if x595 is not None:
                s597[e596] = x595
        else:
            c599 = _c600.get(n594)
            if c599 == 0:
                if x595 is not None:
                    x595 = _b2a(x595, newline=False).decode("ascii")
                    s597['CiphertextBlob'] = x595
            elif c599 == 1:
                if x595 is not None:
                    x595 = _b2a(x595, newline=False).decode("ascii")
                    s597['CiphertextForRecipient'] = x595
            elif c599 == 2:
                if x595 is not None:
                    x595 = _b2a(x595, newline=False).decode("ascii")
                    s597['Plaintext'] = x595
    v = s597
    return v


def audit_GenerateDataKeyRequest(v: Any) -> Any:
    s604 = {}
    for n601, x602 in v.items():
        e603 = _c605.get(n601)
        if e603 is not None:
            if x602 is not None:
                s604[e603] = x602
        else:
            c606 = _c607.get(n601)
            if c606 == 0:
                if x602 is not None:
                    x602 = dict(x602)
                    s604['encryptionContext'] = x602
            elif c606 == 1:
                if x602 is not None:
                    x602 = list(x602)
                    s604['grantTokens'] = x602
            elif c606 == 2:
                if x602 is not None:
                    s611 = {}
                    for n608, x609 in x602.items():
                        e610 = _c612.get(n608)
                        if e610 is not None:
                            if x609 is not None:
                                s611[e610] = x609
                    x602 = s611
                    s604['recipient'] = x602
    v = s604
    return v


def audit_GenerateDataKeyResponse(v: Any) -> Any:
    s616 = {}
    for n613, x614 in v.items():
        e615 = _c617.get(n613)
        if e615 is not None:
            if x614 is not None:
                s616[e615] = x614
    v = s616
    return v


def decode_GenerateDataKeyPair(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d622 = False
        for n619, x620 in v.items():
            c621 = _c618.get(n619)
            if c621 == 0:
                if not (type(x620) is str):
                    if x620 is not None:
                        raise _wrong(x620, "a string", f"{_camel(n619)}")
                    d622 = True
            elif c621 == 1:
                if not (type(x620) is bool):
                    if x620 is not None:
                        raise _wrong(x620, "a boolean", f"{_camel(n619)}")
                    d622 = True
            elif c621 == 2:
                if not (type(x620) is dict):
                    if x620 is not None:
                        raise _wrong(x620, "a map", f"{_camel(n619)}")
                    d622 = True
                else:
                    d625 = False
                    for k623, x624 in x620.items():
                        if not (type(x624) is str):
                            if x624 is not None:
                                raise _wrong(x624, "a string", f"{_camel(n619)}.{k623}")
                            d625 = True
                    if d625:
                        x620 = {k: x for k, x in x620.items() if x is not None}
                    v[n619] = x620
            elif c621 == 3:
                if not (type(x620) is list):
                    if x620 is not None:
                        raise _wrong(x620, "a list", f"{_camel(n619)}")
                    d622 = True
                else:
                    for x626 in x620:
                        if not (type(x626) is str):
                            raise _wrong(x626, "a string", f"{_camel(n619)}.{_position(x620, x626)}")
            elif c621 == 4:
                if not (type(x620) is dict):
                    if x620 is not None:
                        raise _wrong(x620, "a structure", f"{_camel(n619)}")
                    d622 = True
                else:
                    d631 = False
                    for n628, x629 in x620.items():
                        c630 = _c627.get(n628)
                        if c630 == 0:
                            if not (type(x629) is str):
                                if x629 is not None:
                                    raise _wrong(x629, "a string", f"{_camel(n619)}.{_camel(n628)}")
                                d631 = True
                        elif c630 == 1:
                            if not (type(x629) is str):
                                if x629 is not None:
                                    raise _wrong(x629, "a base64 string", f"{_camel(n619)}.{_camel(n628)}")
                                d631 = True
                            else:
                                try:
                                    x629 = _a2b(x629, strict_mode=True)
                                except (_Error, ValueError):
                                    raise _serialization(f"Value at '{_camel(n619)}.{_camel(n628)}' is not valid base64") from None
                                x620[n628] = x629
                        else:  # not a member
                            d631 = True
                    if d631:
                        x620 = {n: x for n, x in x620.items() if n in _c627 and x is not None}
                    v[n619] = x620
            else:  # not a member
                d622 = True
        if d622:
            v = {n: x for n, x in v.items() if n in _c618 and x is not None}
    return v


def encode_GenerateDataKeyPairResponse(v: Any) -> Any:
    s635 = {}
    for n632, x633 in v.items():
        e634 = _c636.get(n632)
        if e634 is not None:
            if x633 is not None:
                s635[e634] = x633
        else:
            c637 = _c638.get(n632)
            if c637 == 0:
                if x633 is not None:
                    x633 = _b2a(x633, newline=False).decode("ascii")
                    s635['CiphertextForRecipient'] = x633
            elif c637 == 1:
                if x633 is not None:
                    x633 = _b2a(x633, newline=False).decode("ascii")
                    s635['PrivateKeyCiphertextBlob'] = x633
            elif c637 == 2:
                if x633 is not None:
                    x633 = _b2a(x633, newline=False).decode("ascii")
                    s635['PrivateKeyPlaintext'] = x633
            elif c637 == 3:
                if x633 is not None:
                    x633 = _b2a(x633, newline=False).decode("ascii")
                    s635['PublicKey'] = x633
    v = s635
    return v


def audit_GenerateDataKeyPairRequest(v: Any) -> Any:
    s642 = {}
    for n639, x640 in v.items():
        e641 = _c643.get(n639)
        if e641 is not None:
            if x640 is not None:
                s642[e641] = x640
        else:
            c644 = _c645.get(n639)
            if c644 == 0:
                if x640 is not None:
                    x640 = dict(x640)
                    s642['encryptionContext'] = x640
            elif c644 == 1:
                if x640 is not None:
                    x640 = list(x640)
                    s642['grantTokens'] = x640
            elif c644 == 2:
                if x640 is not None:
                    s649 = {}
                    for n646, x647 in x640.items():
                        e648 = _c650.get(n646)
                        if e648 is not None:
                            if x647 is not None:
                                s649[e648] = x647
                    x640 = s649
                    s642['recipient'] = x640
    v = s642
    return v


def audit_GenerateDataKeyPairResponse(v: Any) -> Any:
    s654 = {}
    for n651, x652 in v.items():
        e653 = _c655.get(n651)
        if e653 is not None:
            if x652 is not None:
                s654[e653] = x652
    v = s654
    return v


def decode_GenerateDataKeyPairWithoutPlaintext(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d660 = False
        for n657, x658 in v.items():
            c659 = _c656.get(n657)
            if c659 == 0:
                if not (type(x658) is str):
                    if x658 is not None:
                        raise _wrong(x658, "a string", f"{_camel(n657)}")
                    d660 = True
            elif c659 == 1:
                if not (type(x658) is bool):
                    if x658 is not None:
                        raise _wrong(x658, "a boolean", f"{_camel(n657)}")
                    d660 = True
            elif c659 == 2:
                if not (type(x658) is dict):
                    if x658 is not None:
                        raise _wrong(x658, "a map", f"{_camel(n657)}")
                    d660 = True
                else:
                    d663 = False
                    for k661, x662 in x658.items():
                        if not (type(x662) is str):
                            if x662 is not None:
                                raise _wrong(x662, "a string", f"{_camel(n657)}.{k661}")
                            d663 = True
                    if d663:
                        x658 = {k: x for k, x in x658.items() if x is not None}
                    v[n657] = x658
            elif c659 == 3:
                if not (type(x658) is list):
                    if x658 is not None:
                        raise _wrong(x658, "a list", f"{_camel(n657)}")
                    d660 = True
                else:
                    for x664 in x658:
                        if not (type(x664) is str):
                            raise _wrong(x664, "a string", f"{_camel(n657)}.{_position(x658, x664)}")
            else:  # not a member
                d660 = True
        if d660:
            v = {n: x for n, x in v.items() if n in _c656 and x is not None}
    return v


def encode_GenerateDataKeyPairWithoutPlaintextResponse(v: Any) -> Any:
    s668 = {}
    for n665, x666 in v.items():
        e667 = _c669.get(n665)
        if e667 is not None:
            if x666 is not None:
                s668[e667] = x666
        else:
            c670 = _c671.get(n665)
            if c670 == 0:
                if x666 is not None:
                    x666 = _b2a(x666, newline=False).decode("ascii")
                    s668['PrivateKeyCiphertextBlob'] = x666
            elif c670 == 1:
                if x666 is not None:
                    x666 = _b2a(x666, newline=False).decode("ascii")
                    s668['PublicKey'] = x666
    v = s668
    return v


def audit_GenerateDataKeyPairWithoutPlaintextRequest(v: Any) -> Any:
    s675 = {}
    for n672, x673 in v.items():
        e674 = _c676.get(n672)
        if e674 is not None:
            if x673 is not None:
                s675[e674] = x673
        else:
            c677 = _c678.get(n672)
            if c677 == 0:
                if x673 is not None:
                    x673 = dict(x673)
                    s675['encryptionContext'] = x673
            elif c677 == 1:
                if x673 is not None:
                    x673 = list(x673)
                    s675['grantTokens'] = x673
    v = s675
    return v


def audit_GenerateDataKeyPairWithoutPlaintextResponse(v: Any) -> Any:
    s682 = {}
    for n679, x680 in v.items():
        e681 = _c683.get(n679)
        if e681 is not None:
            if x680 is not None:
                s682[e681] = x680
    v = s682
    return v


def decode_GenerateDataKeyWithoutPlaintext(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d688 = False
        for n685, x686 in v.items():
            c687 = _c684.get(n685)
            if c687 == 0:
                if not (type(x686) is str):
                    if x686 is not None:
                        raise _wrong(x686, "a string", f"{_camel(n685)}")
                    d688 = True
            elif c687 == 1:
                if not (type(x686) is bool):
                    if x686 is not None:
                        raise _wrong(x686, "a boolean", f"{_camel(n685)}")
                    d688 = True
            elif c687 == 2:
                if not (type(x686) is dict):
                    if x686 is not None:
                        raise _wrong(x686, "a map", f"{_camel(n685)}")
                    d688 = True
                else:
                    d691 = False
                    for k689, x690 in x686.items():
                        if not (type(x690) is str):
                            if x690 is not None:
                                raise _wrong(x690, "a string", f"{_camel(n685)}.{k689}")
                            d691 = True
                    if d691:
                        x686 = {k: x for k, x in x686.items() if x is not None}
                    v[n685] = x686
            elif c687 == 3:
                if not (type(x686) is list):
                    if x686 is not None:
                        raise _wrong(x686, "a list", f"{_camel(n685)}")
                    d688 = True
                else:
                    for x692 in x686:
                        if not (type(x692) is str):
                            raise _wrong(x692, "a string", f"{_camel(n685)}.{_position(x686, x692)}")
            elif c687 == 4:
                if not (type(x686) is int):
                    if x686 is not None:
                        raise _wrong(x686, "a number", f"{_camel(n685)}")
                    d688 = True
            else:  # not a member
                d688 = True
        if d688:
            v = {n: x for n, x in v.items() if n in _c684 and x is not None}
    return v


def encode_GenerateDataKeyWithoutPlaintextResponse(v: Any) -> Any:
    s696 = {}
    for n693, x694 in v.items():
        e695 = _c697.get(n693)
        if e695 is not None:
            if x694 is not None:
                s696[e695] = x694
        else:
            c698 = _c699.get(n693)
            if c698 == 0:
                if x694 is not None:
                    x694 = _b2a(x694, newline=False).decode("ascii")
                    s696['CiphertextBlob'] = x694
    v = s696
    return v


def audit_GenerateDataKeyWithoutPlaintextRequest(v: Any) -> Any:
    s703 = {}
    for n700, x701 in v.items():
        e702 = _c704.get(n700)
        if e702 is not None:
            if x701 is not None:
                s703[e702] = x701
        else:
            c705 = _c706.get(n700)
            if c705 == 0:
                if x701 is not None:
                    x701 = dict(x701)
                    s703['encryptionContext'] = x701
            elif c705 == 1:
                if x701 is not None:
                    x701 = list(x701)
                    s703['grantTokens'] = x701
    v = s703
    return v


def audit_GenerateDataKeyWithoutPlaintextResponse(v: Any) -> Any:
    s710 = {}
    for n707, x708 in v.items():
        e709 = _c711.get(n707)
        if e709 is not None:
            if x708 is not None:
                s710[e709] = x708
    v = s710
    return v


def decode_GenerateMac(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d716 = False
        for n713, x714 in v.items():
            c715 = _c712.get(n713)
            if c715 == 0:
                if not (type(x714) is str):
                    if x714 is not None:
                        raise _wrong(x714, "a string", f"{_camel(n713)}")
                    d716 = True
            elif c715 == 1:
                if not (type(x714) is str):
                    if x714 is not None:
                        raise _wrong(x714, "a base64 string", f"{_camel(n713)}")
                    d716 = True
                else:
                    try:
                        x714 = _a2b(x714, strict_mode=True)
                    except (_Error, ValueError):
                        raise _serialization(f"Value at '{_camel(n713)}' is not valid base64") from None
                    v[n713] = x714
            elif c715 == 2:
                if not (type(x714) is bool):
                    if x714 is not None:
                        raise _wrong(x714, "a boolean", f"{_camel(n713)}")
                    d716 = True
            elif c715 == 3:
                if not (type(x714) is list):
                    if x714 is not None:
                        raise _wrong(x714, "a list", f"{_camel(n713)}")
                    d716 = True
                else:
                    for x717 in x714:
                        if not (type(x717) is str):
                            raise _wrong(x717, "a string", f"{_camel(n713)}.{_position(x714, x717)}")
            else:  # not a member
                d716 = True
        if d716:
            v = {n: x for n, x in v.items() if n in _c712 and x is not None}
    return v


def encode_GenerateMacResponse(v: Any) -> Any:
    s721 = {}
    for n718, x719 in v.items():
        e720 = _c722.get(n718)
        if e720 is not None:
            if x719 is not None:
                s721[e720] = x719
        else:
            c723 = _c724.get(n718)
            if c723 == 0:
                if x719 is not None:
                    x719 = _b2a(x719, newline=False).decode("ascii")
                    s721['Mac'] = x719
    v = s721
    return v


def audit_GenerateMacRequest(v: Any) -> Any:
    s728 = {}
    for n725, x726 in v.items():
        e727 = _c729.get(n725)
        if e727 is not None:
            if x726 is not None:
                s728[e727] = x726
        else:
            c730 = _c731.get(n725)
            if c730 == 0:
                if x726 is not None:
                    x726 = list(x726)
                    s728['grantTokens'] = x726
    v = s728
    return v


def audit_GenerateMacResponse(v: Any) -> Any:
    s735 = {}
    for n732, x733 in v.items():
        e734 = _c736.get(n732)
        if e734 is not None:
            if x733 is not None:
                s735[e734] = x733
    v = s735
    return v


def decode_GenerateRandom(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d741 = False
        for n738, x739 in v.items():
            c740 = _c737.get(n738)
            if c740 == 0:
                if not (type(x739) is str):
                    if x739 is not None:
                        raise _wrong(x739, "a string", f"{_camel(n738)}")
                    d741 = True
            elif c740 == 1:
                if not (type(x739) is int):
                    if x739 is not None:
                        raise _wrong(x739, "a number", f"{_camel(n738)}")
                    d741 = True
            elif c740 == 2:
                if not (type(x739) is dict):
                    if x739 is not None:
                        raise _wrong(x739, "a structure", f"{_camel(n738)}")
                    d741 = True
                else:
                    d746 = False
                    for n743, x744 in x739.items():
                        c745 = _c742.get(n743)
                        if c745 == 0:
                            if not (type(x744) is str):
                                if x744 is not None:
                                    raise _wrong(x744, "a string", f"{_camel(n738)}.{_camel(n743)}")
                                d746 = True
                        elif c745 == 1:
                            if not (type(x744) is str):
                                if x744 is not None:
                                    raise _wrong(x744, "a base64 string", f"{_camel(n738)}.{_camel(n743)}")
                                d746 = True
                            else:
                                try:
                                    x744 = _a2b(x744, strict_mode=True)
                                except (_Error, ValueError):
                                    raise _serialization(f"Value at '{_camel(n738)}.{_camel(n743)}' is not valid base64") from None
                                x739[n743] = x744
                        else:  # not a member
                            d746 = True
                    if d746:
                        x739 = {n: x for n, x in x739.items() if n in _c742 and x is not None}
                    v[n738] = x739
            else:  # not a member
                d741 = True
        if d741:
            v = {n: x for n, x in v.items() if n in _c737 and x is not None}
    return v


def encode_GenerateRandomResponse(v: Any) -> Any:
    s750 = {}
    for n747, x748 in v.items():
        e749 = _c751.get(n747)
        if e749 is not None:
            if x748 is not None:
                s750[e749] = x748
        else:
            c752 = _c753.get(n747)
            if c752 == 0:
                if x748 is not None:
                    x748 = _b2a(x748, newline=False).decode("ascii")
                    s750['CiphertextForRecipient'] = x748
            elif c752 == 1:
                if x748 is not None:
                    x748 = _b2a(x748, newline=False).decode("ascii")
                    s750['Plaintext'] = x748
    v = s750
    return v


def audit_GenerateRandomRequest(v: Any) -> Any:
    s757 = {}
    for n754, x755 in v.items():
        e756 = _c758.get(n754)
        if e756 is not None:
            if x755 is not None:
                s757[e756] = x755
        else:
            c759 = _c760.get(n754)
            if c759 == 0:
                if x755 is not None:
                    s764 = {}
                    for n761, x762 in x755.items():
                        e763 = _c765.get(n761)
                        if e763 is not None:
                            if x762 is not None:
                                s764[e763] = x762
                    x755 = s764
                    s757['recipient'] = x755
    v = s757
    return v


def audit_GenerateRandomResponse(v: Any) -> Any:
    s769 = {}
    for n766, x767 in v.items():
        e768 = _c770.get(n766)
        if e768 is not None:
            if x767 is not None:
                s769[e768] = x767
    v = s769
    return v


def decode_GetKeyLastUsage(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d775 = False
        for n772, x773 in v.items():
            c774 = _c771.get(n772)
            if c774 == 0:
                if not (type(x773) is str):
                    if x773 is not None:
                        raise _wrong(x773, "a string", f"{_camel(n772)}")
                    d775 = True
            else:  # not a member
                d775 = True
        if d775:
            v = {n: x for n, x in v.items() if n in _c771 and x is not None}
    return v


def encode_GetKeyLastUsageResponse(v: Any) -> Any:
    s779 = {}
    for n776, x777 in v.items():
        e778 = _c780.get(n776)
        if e778 is not None:
            if x777 is not None:
                s779[e778] = x777
        else:
            c781 = _c782.get(n776)
            if c781 == 0:
                if x777 is not None:
                    x777 = round(x777.timestamp(), 3)
                    s779['KeyCreationDate'] = x777
            elif c781 == 1:
                if x777 is not None:
                    s786 = {}
                    for n783, x784 in x777.items():
                        e785 = _c787.get(n783)
                        if e785 is not None:
                            if x784 is not None:
                                s786[e785] = x784
                        else:
                            c788 = _c789.get(n783)
                            if c788 == 0:
                                if x784 is not None:
                                    x784 = round(x784.timestamp(), 3)
                                    s786['Timestamp'] = x784
                    x777 = s786
                    s779['KeyLastUsage'] = x777
            elif c781 == 2:
                if x777 is not None:
                    x777 = round(x777.timestamp(), 3)
                    s779['TrackingStartDate'] = x777
    v = s779
    return v


def audit_GetKeyLastUsageRequest(v: Any) -> Any:
    s793 = {}
    for n790, x791 in v.items():
        e792 = _c794.get(n790)
        if e792 is not None:
            if x791 is not None:
                s793[e792] = x791
    v = s793
    return v


def audit_GetKeyLastUsageResponse(v: Any) -> Any:
    s798 = {}
    for n795, x796 in v.items():
        e797 = _c799.get(n795)
        if e797 is not None:
            if x796 is not None:
                s798[e797] = x796
        else:
            c800 = _c801.get(n795)
            if c800 == 0:
                if x796 is not None:
                    x796 = round(x796.timestamp(), 3)
                    s798['keyCreationDate'] = x796
            elif c800 == 1:
                if x796 is not None:
                    s805 = {}
                    for n802, x803 in x796.items():
                        e804 = _c806.get(n802)
                        if e804 is not None:
                            if x803 is not None:
                                s805[e804] = x803
                        else:
                            c807 = _c808.get(n802)
                            if c807 == 0:
                                if x803 is not None:
                                    x803 = round(x803.timestamp(), 3)
                                    s805['timestamp'] = x803
                    x796 = s805
                    s798['keyLastUsage'] = x796
            elif c800 == 2:
                if x796 is not None:
                    x796 = round(x796.timestamp(), 3)
                    s798['trackingStartDate'] = x796
    v = s798
    return v


def decode_GetKeyPolicy(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d813 = False
        for n810, x811 in v.items():
            c812 = _c809.get(n810)
            if c812 == 0:
                if not (type(x811) is str):
                    if x811 is not None:
                        raise _wrong(x811, "a string", f"{_camel(n810)}")
                    d813 = True
            else:  # not a member
                d813 = True
        if d813:
            v = {n: x for n, x in v.items() if n in _c809 and x is not None}
    return v


def encode_GetKeyPolicyResponse(v: Any) -> Any:
    s817 = {}
    for n814, x815 in v.items():
        e816 = _c818.get(n814)
        if e816 is not None:
            if x815 is not None:
                s817[e816] = x815
    v = s817
    return v


def audit_GetKeyPolicyRequest(v: Any) -> Any:
    s822 = {}
    for n819, x820 in v.items():
        e821 = _c823.get(n819)
        if e821 is not None:
            if x820 is not None:
                s822[e821] = x820
    v = s822
    return v


def audit_GetKeyPolicyResponse(v: Any) -> Any:
    s827 = {}
    for n824, x825 in v.items():
        e826 = _c828.get(n824)
        if e826 is not None:
            if x825 is not None:
                s827[e826] = x825
    v = s827
    return v


def decode_GetKeyRotationStatus(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d833 = False
        for n830, x831 in v.items():
            c832 = _c829.get(n830)
            if c832 == 0:
                if not (type(x831) is str):
                    if x831 is not None:
                        raise _wrong(x831, "a string", f"{_camel(n830)}")
                    d833 = True
            else:  # not a member
                d833 = True
        if d833:
            v = {n: x for n, x in v.items() if n in _c829 and x is not None}
    return v


def encode_GetKeyRotationStatusResponse(v: Any) -> Any:
    s837 = {}
    for n834, x835 in v.items():
        e836 = _c838.get(n834)
        if e836 is not None:
            if x835 is not None:
                s837[e836] = x835
        else:
            c839 = _c840.get(n834)
            if c839 == 0:
                if x835 is not None:
                    x835 = round(x835.timestamp(), 3)
                    s837['NextRotationDate'] = x835
            elif c839 == 1:
                if x835 is not None:
                    x835 = round(x835.timestamp(), 3)
                    s837['OnDemandRotationStartDate'] = x835
    v = s837
    return v


def audit_GetKeyRotationStatusRequest(v: Any) -> Any:
    s844 = {}
    for n841, x842 in v.items():
        e843 = _c845.get(n841)
        if e843 is not None:
            if x842 is not None:
                s844[e843] = x842
    v = s844
    return v


def audit_GetKeyRotationStatusResponse(v: Any) -> Any:
    s849 = {}
    for n846, x847 in v.items():
        e848 = _c850.get(n846)
        if e848 is not None:
            if x847 is not None:
                s849[e848] = x847
        else:
            c851 = _c852.get(n846)
            if c851 == 0:
                if x847 is not None:
                    x847 = round(x847.timestamp(), 3)
                    s849['nextRotationDate'] = x847
            elif c851 == 1:
                if x847 is not None:
                    x847 = round(x847.timestamp(), 3)
                    s849['onDemandRotationStartDate'] = x847
    v = s849
    return v


def decode_GetParametersForImport(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d857 = False
        for n854, x855 in v.items():
            c856 = _c853.get(n854)
            if c856 == 0:
                if not (type(x855) is str):
                    if x855 is not None:
                        raise _wrong(x855, "a string", f"{_camel(n854)}")
                    d857 = True
            else:  # not a member
                d857 = True
        if d857:
            v = {n: x for n, x in v.items() if n in _c853 and x is not None}
    return v


def encode_GetParametersForImportResponse(v: Any) -> Any:
    s861 = {}
    for n858, x859 in v.items():
        e860 = _c862.get(n858)
        if e860 is not None:
            if x859 is not None:
                s861[e860] = x859
        else:
            c863 = _c864.get(n858)
            if c863 == 0:
                if x859 is not None:
                    x859 = _b2a(x859, newline=False).decode("ascii")
                    s861['ImportToken'] = x859
            elif c863 == 1:
                if x859 is not None:
                    x859 = round(x859.timestamp(), 3)
                    s861['ParametersValidTo'] = x859
            elif c863 == 2:
                if x859 is not None:
                    x859 = _b2a(x859, newline=False).decode("ascii")
                    s861['PublicKey'] = x859
    v = s861
    return v


def audit_GetParametersForImportRequest(v: Any) -> Any:
    s868 = {}
    for n865, x866 in v.items():
        e867 = _c869.get(n865)
        if e867 is not None:
            if x866 is not None:
                s868[e867] = x866
    v = s868
    return v


def audit_GetParametersForImportResponse(v: Any) -> Any:
    s873 = {}
    for n870, x871 in v.items():
        e872 = _c874.get(n870)
        if e872 is not None:
            if x871 is not None:
                s873[e872] = x871
        else:
            c875 = _c876.get(n870)
            if c875 == 0:
                if x871 is not None:
                    x871 = round(x871.timestamp(), 3)
                    s873['parametersValidTo'] = x871
    v = s873
    return v


def decode_GetPublicKey(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d881 = False
        for n878, x879 in v.items():
            c880 = _c877.get(n878)
            if c880 == 0:
                if not (type(x879) is str):
                    if x879 is not None:
                        raise _wrong(x879, "a string", f"{_camel(n878)}")
                    d881 = True
            elif c880 == 1:
                if not (type(x879) is list):
                    if x879 is not None:
                        raise _wrong(x879, "a list", f"{_camel(n878)}")
                    d881 = True
                else:
                    for x882 in x879:
                        if not (type(x882) is str):
                            raise _wrong(x882, "a string", f"{_camel(n878)}.{_position(x879, x882)}")
            else:  # not a member
                d881 = True
        if d881:
            v = {n: x for n, x in v.items() if n in _c877 and x is not None}
    return v


def encode_GetPublicKeyResponse(v: Any) -> Any:
    s886 = {}
    for n883, x884 in v.items():
        e885 = _c887.get(n883)
        if e885 is not None:
            if x884 is not None:
                s886[e885] = x884
        else:
            c888 = _c889.get(n883)
            if c888 == 0:
                if x884 is not None:
                    x884 = list(x884)
                    s886['EncryptionAlgorithms'] = x884
            elif c888 == 1:
                if x884 is not None:
                    x884 = list(x884)
                    s886['KeyAgreementAlgorithms'] = x884
            elif c888 == 2:
                if x884 is not None:
                    x884 = _b2a(x884, newline=False).decode("ascii")
                    s886['PublicKey'] = x884
            elif c888 == 3:
                if x884 is not None:
                    x884 = list(x884)
                    s886['SigningAlgorithms'] = x884
    v = s886
    return v


def audit_GetPublicKeyRequest(v: Any) -> Any:
    s893 = {}
    for n890, x891 in v.items():
        e892 = _c894.get(n890)
        if e892 is not None:
            if x891 is not None:
                s893[e892] = x891
        else:
            c895 = _c896.get(n890)
            if c895 == 0:
                if x891 is not None:
                    x891 = list(x891)
                    s893['grantTokens'] = x891
    v = s893
    return v


def audit_GetPublicKeyResponse(v: Any) -> Any:
    s900 = {}
    for n897, x898 in v.items():
        e899 = _c901.get(n897)
        if e899 is not None:
            if x898 is not None:
                s900[e899] = x898
        else:
            c902 = _c903.get(n897)
            if c902 == 0:
                if x898 is not None:
                    x898 = list(x898)
                    s900['encryptionAlgorithms'] = x898
            elif c902 == 1:
                if x898 is not None:
                    x898 = list(x898)
                    s900['keyAgreementAlgorithms'] = x898
            elif c902 == 2:
                if x898 is not None:
                    x898 = list(x898)
                    s900['signingAlgorithms'] = x898
    v = s900
    return v


def decode_ImportKeyMaterial(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d908 = False
        for n905, x906 in v.items():
            c907 = _c904.get(n905)
            if c907 == 0:
                if not (type(x906) is str):
                    if x906 is not None:
                        raise _wrong(x906, "a string", f"{_camel(n905)}")
                    d908 = True
            elif c907 == 1:
                if not (type(x906) is str):
                    if x906 is not None:
                        raise _wrong(x906, "a base64 string", f"{_camel(n905)}")
                    d908 = True
                else:
                    try:
                        x906 = _a2b(x906, strict_mode=True)
                    except (_Error, ValueError):
                        raise _serialization(f"Value at '{_camel(n905)}' is not valid base64") from None
                    v[n905] = x906
            elif c907 == 2:
                if not (type(x906) is int or type(x906) is float):
                    if x906 is not None:
                        raise _wrong(x906, "a timestamp in epoch seconds", f"{_camel(n905)}")
                    d908 = True
                else:
                    try:
                        x906 = _fromtimestamp(x906, _UTC)
                    except (OverflowError, OSError, ValueError):
                        raise _serialization(f"Value at '{_camel(n905)}' is not a valid timestamp") from None
                    v[n905] = x906
            else:  # not a member
                d908 = True
        if d908:
            v = {n: x for n, x in v.items() if n in _c904 and x is not None}
    return v


def encode_ImportKeyMaterialResponse(v: Any) -> Any:
    s912 = {}
    for n909, x910 in v.items():
        e911 = _c913.get(n909)
        if e911 is not None:
            if x910 is not None:
                s912[e911] = x910
    v = s912
    return v


def audit_ImportKeyMaterialRequest(v: Any) -> Any:
    s917 = {}
    for n914, x915 in v.items():
        e916 = _c918.get(n914)
        if e916 is not None:
            if x915 is not None:
                s917[e916] = x915
        else:
            c919 = _c920.get(n914)
            if c919 == 0:
                if x915 is not None:
                    x915 = round(x915.timestamp(), 3)
                    s917['validTo'] = x915
    v = s917
    return v


def audit_ImportKeyMaterialResponse(v: Any) -> Any:
    s924 = {}
    for n921, x922 in v.items():
        e923 = _c925.get(n921)
        if e923 is not None:
            if x922 is not None:
                s924[e923] = x922
    v = s924
    return v


def decode_ListAliases(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d930 = False
        for n927, x928 in v.items():
            c929 = _c926.get(n927)
            if c929 == 0:
                if not (type(x928) is str):
                    if x928 is not None:
                        raise _wrong(x928, "a string", f"{_camel(n927)}")
                    d930 = True
            elif c929 == 1:
                if not (type(x928) is int):
                    if x928 is not None:
                        raise _wrong(x928, "a number", f"{_camel(n927)}")
                    d930 = True
            else:  # not a member
                d930 = True
        if d930:
            v = {n: x for n, x in v.items() if n in _c926 and x is not None}
    return v


def encode_ListAliasesResponse(v: Any) -> Any:
    s934 = {}
    for n931, x932 in v.items():
        e933 = _c935.get(n931)
        if e933 is not None:
            if x932 is not None:
                s934[e933] = x932
        else:
            c936 = _c937.get(n931)
            if c936 == 0:
                if x932 is not None:
                    l939 = []
                    for x938 in x932:
                        s943 = {}
                        for n940, x941 in x938.items():
                            e942 = _c944.get(n940)
                            if e942 is not None:
                                if x941 is not None:
                                    s943[e942] = x941
                            else:
                                c945 = _c946.get(n940)
                                if c945 == 0:
                                    if x941 is not None:
                                        x941 = round(x941.timestamp(), 3)
                                        s943['CreationDate'] = x941
                                elif c945 == 1:
                                    if x941 is not None:
                                        x941 = round(x941.timestamp(), 3)
                                        s943['LastUpdatedDate'] = x941
                        x938 = s943
                        l939.append(x938)
                    x932 = l939
                    s934['Aliases'] = x932
    v = s934
    return v


def audit_ListAliasesRequest(v: Any) -> Any:
    s950 = {}
    for n947, x948 in v.items():
        e949 = _c951.get(n947)
        if e949 is not None:
            if x948 is not None:
                s950[e949] = x948
    v = s950
    return v


def audit_ListAliasesResponse(v: Any) -> Any:
    s955 = {}
    for n952, x953 in v.items():
        e954 = _c956.get(n952)
        if e954 is not None:
            if x953 is not None:
                s955[e954] = x953
        else:
            c957 = _c958.get(n952)
            if c957 == 0:
                if x953 is not None:
                    l960 = []
                    for x959 in x953:
                        s964 = {}
                        for n961, x962 in x959.items():
                            e963 = _c965.get(n961)
                            if e963 is not None:
                                if x962 is not None:
                                    s964[e963] = x962
                            else:
                                c966 = _c967.get(n961)
                                if c966 == 0:
                                    if x962 is not None:
                                        x962 = round(x962.timestamp(), 3)
                                        s964['creationDate'] = x962
                                elif c966 == 1:
                                    if x962 is not None:
                                        x962 = round(x962.timestamp(), 3)
                                        s964['lastUpdatedDate'] = x962
                        x959 = s964
                        l960.append(x959)
                    x953 = l960
                    s955['aliases'] = x953
    v = s955
    return v


def decode_ListGrants(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d972 = False
        for n969, x970 in v.items():
            c971 = _c968.get(n969)
            if c971 == 0:
                if not (type(x970) is str):
                    if x970 is not None:
                        raise _wrong(x970, "a string", f"{_camel(n969)}")
                    d972 = True
            elif c971 == 1:
                if not (type(x970) is int):
                    if x970 is not None:
                        raise _wrong(x970, "a number", f"{_camel(n969)}")
                    d972 = True
            else:  # not a member
                d972 = True
        if d972:
            v = {n: x for n, x in v.items() if n in _c968 and x is not None}
    return v


def encode_ListGrantsResponse(v: Any) -> Any:
    s976 = {}
    for n973, x974 in v.items():
        e975 = _c977.get(n973)
        if e975 is not None:
            if x974 is not None:
                s976[e975] = x974
        else:
            c978 = _c979.get(n973)
            if c978 == 0:
                if x974 is not None:
                    l981 = []
                    for x980 in x974:
                        s985 = {}
                        for n982, x983 in x980.items():
                            e984 = _c986.get(n982)
                            if e984 is not None:
                                if x983 is not None:
                                    s985[e984] = x983
                            else:
                                c987 = _c988.get(n982)
                                if c987 == 0:
                                    if x983 is not None:
                                        s992 = {}
                                        for n989, x990 in x983.items():
                                            e991 = _c993.get(n989)
                                            if e991 is not None:
                                                if x990 is not None:
                                                    s992[e991] = x990
                                            else:
                                                c994 = _c995.get(n989)
                                                if c994 == 0:
                                                    if x990 is not None:
                                                        x990 = dict(x990)
                                                        s992['EncryptionContextEquals'] = x990
                                                elif c994 == 1:
                                                    if x990 is not None:
                                                        x990 = dict(x990)
                                                        s992['EncryptionContextSubset'] = x990
                                        x983 = s992
                                        s985['Constraints'] = x983
                                elif c987 == 1:
                                    if x983 is not None:
                                        x983 = round(x983.timestamp(), 3)
                                        s985['CreationDate'] = x983
                                elif c987 == 2:
                                    if x983 is not None:
                                        x983 = list(x983)
                                        s985['Operations'] = x983
                        x980 = s985
                        l981.append(x980)
                    x974 = l981
                    s976['Grants'] = x974
    v = s976
    return v


def audit_ListGrantsRequest(v: Any) -> Any:
    s999 = {}
    for n996, x997 in v.items():
        e998 = _c1000.get(n996)
        if e998 is not None:
            if x997 is not None:
                s999[e998] = x997
    v = s999
    return v


def audit_ListGrantsResponse(v: Any) -> Any:
    s1004 = {}
    for n1001, x1002 in v.items():
        e1003 = _c1005.get(n1001)
        if e1003 is not None:
            if x1002 is not None:
                s1004[e1003] = x1002
        else:
            c1006 = _c1007.get(n1001)
            if c1006 == 0:
                if x1002 is not None:
                    l1009 = []
                    for x1008 in x1002:
                        s1013 = {}
                        for n1010, x1011 in x1008.items():
                            e1012 = _c1014.get(n1010)
                            if e1012 is not None:
                                if x1011 is not None:
                                    s1013[e1012] = x1011
                            else:
                                c1015 = _c1016.get(n1010)
                                if c1015 == 0:
                                    if x1011 is not None:
                                        s1020 = {}
                                        for n1017, x1018 in x1011.items():
                                            e1019 = _c1021.get(n1017)
                                            if e1019 is not None:
                                                if x1018 is not None:
                                                    s1020[e1019] = x1018
                                            else:
                                                c1022 = _c1023.get(n1017)
                                                if c1022 == 0:
                                                    if x1018 is not None:
                                                        x1018 = dict(x1018)
                                                        s1020['encryptionContextEquals'] = x1018
                                                elif c1022 == 1:
                                                    if x1018 is not None:
                                                        x1018 = dict(x1018)
                                                        s1020['encryptionContextSubset'] = x1018
                                        x1011 = s1020
                                        s1013['constraints'] = x1011
                                elif c1015 == 1:
                                    if x1011 is not None:
                                        x1011 = round(x1011.timestamp(), 3)
                                        s1013['creationDate'] = x1011
                                elif c1015 == 2:
                                    if x1011 is not None:
                                        x1011 = list(x1011)
                                        s1013['operations'] = x1011
                        x1008 = s1013
                        l1009.append(x1008)
                    x1002 = l1009
                    s1004['grants'] = x1002
    v = s1004
    return v


def decode_ListKeyPolicies(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d1028 = False
        for n1025, x1026 in v.items():
            c1027 = _c1024.get(n1025)
            if c1027 == 0:
                if not (type(x1026) is str):
                    if x1026 is not None:
                        raise _wrong(x1026, "a string", f"{_camel(n1025)}")
                    d1028 = True
            elif c1027 == 1:
                if not (type(x1026) is int):
                    if x1026 is not None:
                        raise _wrong(x1026, "a number", f"{_camel(n1025)}")
                    d1028 = True
            else:  # not a member
                d1028 = True
        if d1028:
            v = {n: x for n, x in v.items() if n in _c1024 and x is not None}
    return v


def encode_ListKeyPoliciesResponse(v: Any) -> Any:
    s1032 = {}
    for n1029, x1030 in v.items():
        e1031 = _c1033.get(n1029)
        if e1031 is not None:
            if x1030 is not None:
                s1032[e1031] = x1030
        else:
            c1034 = _c1035.get(n1029)
            if c1034 == 0:
                if x1030 is not None:
                    x1030 = list(x1030)
                    s1032['PolicyNames'] = x1030
    v = s1032
    return v


def audit_ListKeyPoliciesRequest(v: Any) -> Any:
    s1039 = {}
    for n1036, x1037 in v.items():
        e1038 = _c1040.get(n1036)
        if e1038 is not None:
            if x1037 is not None:
                s1039[e1038] = x1037
    v = s1039
    return v


def audit_ListKeyPoliciesResponse(v: Any) -> Any:
    s1044 = {}
    for n1041, x1042 in v.items():
        e1043 = _c1045.get(n1041)
        if e1043 is not None:
            if x1042 is not None:
                s1044[e1043] = x1042
        else:
            c1046 = _c1047.get(n1041)
            if c1046 == 0:
                if x1042 is not None:
                    x1042 = list(x1042)
                    s1044['policyNames'] = x1042
    v = s1044
    return v


def decode_ListKeyRotations(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d1052 = False
        for n1049, x1050 in v.items():
            c1051 = _c1048.get(n1049)
            if c1051 == 0:
                if not (type(x1050) is str):
                    if x1050 is not None:
                        raise _wrong(x1050, "a string", f"{_camel(n1049)}")
                    d1052 = True
            elif c1051 == 1:
                if not (type(x1050) is int):
                    if x1050 is not None:
                        raise _wrong(x1050, "a number", f"{_camel(n1049)}")
                    d1052 = True
            else:  # not a member
                d1052 = True
        if d1052:
            v = {n: x for n, x in v.items() if n in _c1048 and x is not None}
    return v


def encode_ListKeyRotationsResponse(v: Any) -> Any:
    s1056 = {}
    for n1053, x1054 in v.items():
        e1055 = _c1057.get(n1053)
        if e1055 is not None:
            if x1054 is not None:
                s1056[e1055] = x1054
        else:
            c1058 = _c1059.get(n1053)
            if c1058 == 0:
                if x1054 is not None:
                    l1061 = []
                    for x1060 in x1054:
                        s1065 = {}
                        for n1062, x1063 in x1060.items():
                            e1064 = _c1066.get(n1062)
                            if e1064 is not None:
                                if x1063 is not None:
                                    s1065[e1064] = x1063
                            else:
                                c1067 = _c1068.get(n1062)
                                if c1067 == 0:
                                    if x1063 is not None:
                                        x1063 = round(x1063.timestamp(), 3)
                                        s1065['RotationDate'] = x1063
                                elif c1067 == 1:
                                    if x1063 is not None:
                                        x1063 = round(x1063.timestamp(), 3)
                                        s1065['ValidTo'] = x1063
                        x1060 = s1065
                        l1061.append(x1060)
                    x1054 = l1061
                    s1056['Rotations'] = x1054
    v = s1056
    return v


def audit_ListKeyRotationsRequest(v: Any) -> Any:
    s1072 = {}
    for n1069, x1070 in v.items():
        e1071 = _c1073.get(n1069)
        if e1071 is not None:
            if x1070 is not None:
                s1072[e1071] = x1070
    v = s1072
    return v


def audit_ListKeyRotationsResponse(v: Any) -> Any:
    s1077 = {}
    for n1074, x1075 in v.items():
        e1076 = _c1078.get(n1074)
        if e1076 is not None:
            if x1075 is not None:
                s1077[e1076] = x1075
        else:
            c1079 = _c1080.get(n1074)
            if c1079 == 0:
                if x1075 is not None:
                    l1082 = []
                    for x1081 in x1075:
                        s1086 = {}
                        for n1083, x1084 in x1081.items():
                            e1085 = _c1087.get(n1083)
                            if e1085 is not None:
                                if x1084 is not None:
                                    s1086[e1085] = x1084
                            else:
                                c1088 = _c1089.get(n1083)
                                if c1088 == 0:
                                    if x1084 is not None:
                                        x1084 = round(x1084.timestamp(), 3)
                                        s1086['rotationDate'] = x1084
                                elif c1088 == 1:
                                    if x1084 is not None:
                                        x1084 = round(x1084.timestamp(), 3)
                                        s1086['validTo'] = x1084
                        x1081 = s1086
                        l1082.append(x1081)
                    x1075 = l1082
                    s1077['rotations'] = x1075
    v = s1077
    return v


def decode_ListKeys(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d1094 = False
        for n1091, x1092 in v.items():
            c1093 = _c1090.get(n1091)
            if c1093 == 0:
                if not (type(x1092) is str):
                    if x1092 is not None:
                        raise _wrong(x1092, "a string", f"{_camel(n1091)}")
                    d1094 = True
            elif c1093 == 1:
                if not (type(x1092) is int):
                    if x1092 is not None:
                        raise _wrong(x1092, "a number", f"{_camel(n1091)}")
                    d1094 = True
            else:  # not a member
                d1094 = True
        if d1094:
            v = {n: x for n, x in v.items() if n in _c1090 and x is not None}
    return v


def encode_ListKeysResponse(v: Any) -> Any:
    s1098 = {}
    for n1095, x1096 in v.items():
        e1097 = _c1099.get(n1095)
        if e1097 is not None:
            if x1096 is not None:
                s1098[e1097] = x1096
        else:
            c1100 = _c1101.get(n1095)
            if c1100 == 0:
                if x1096 is not None:
                    l1103 = []
                    for x1102 in x1096:
                        s1107 = {}
                        for n1104, x1105 in x1102.items():
                            e1106 = _c1108.get(n1104)
                            if e1106 is not None:
                                if x1105 is not None:
                                    s1107[e1106] = x1105
                        x1102 = s1107
                        l1103.append(x1102)
                    x1096 = l1103
                    s1098['Keys'] = x1096
    v = s1098
    return v


def audit_ListKeysRequest(v: Any) -> Any:
    s1112 = {}
    for n1109, x1110 in v.items():
        e1111 = _c1113.get(n1109)
        if e1111 is not None:
            if x1110 is not None:
                s1112[e1111] = x1110
    v = s1112
    return v


def audit_ListKeysResponse(v: Any) -> Any:
    s1117 = {}
    for n1114, x1115 in v.items():
        e1116 = _c1118.get(n1114)
        if e1116 is not None:
            if x1115 is not None:
                s1117[e1116] = x1115
        else:
            c1119 = _c1120.get(n1114)
            if c1119 == 0:
                if x1115 is not None:
                    l1122 = []
                    for x1121 in x1115:
                        s1126 = {}
                        for n1123, x1124 in x1121.items():
                            e1125 = _c1127.get(n1123)
                            if e1125 is not None:
                                if x1124 is not None:
                                    s1126[e1125] = x1124
                        x1121 = s1126
                        l1122.append(x1121)
                    x1115 = l1122
                    s1117['keys'] = x1115
    v = s1117
    return v


def decode_ListResourceTags(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d1132 = False
        for n1129, x1130 in v.items():
            c1131 = _c1128.get(n1129)
            if c1131 == 0:
                if not (type(x1130) is str):
                    if x1130 is not None:
                        raise _wrong(x1130, "a string", f"{_camel(n1129)}")
                    d1132 = True
            elif c1131 == 1:
                if not (type(x1130) is int):
                    if x1130 is not None:
                        raise _wrong(x1130, "a number", f"{_camel(n1129)}")
                    d1132 = True
            else:  # not a member
                d1132 = True
        if d1132:
            v = {n: x for n, x in v.items() if n in _c1128 and x is not None}
    return v


def encode_ListResourceTagsResponse(v: Any) -> Any:
    s1136 = {}
    for n1133, x1134 in v.items():
        e1135 = _c1137.get(n1133)
        if e1135 is not None:
            if x1134 is not None:
                s1136[e1135] = x1134
        else:
            c1138 = _c1139.get(n1133)
            if c1138 == 0:
                if x1134 is not None:
                    l1141 = []
                    for x1140 in x1134:
                        s1145 = {}
                        for n1142, x1143 in x1140.items():
                            e1144 = _c1146.get(n1142)
                            if e1144 is not None:
                                if x1143 is not None:
                                    s1145[e1144] = x1143
                        x1140 = s1145
                        l1141.append(x1140)
                    x1134 = l1141
                    s1136['Tags'] = x1134
    v = s1136
    return v


def audit_ListResourceTagsRequest(v: Any) -> Any:
    s1150 = {}
    for n1147, x1148 in v.items():
        e1149 = _c1151.get(n1147)
        if e1149 is not None:
            if x1148 is not None:
                s1150[e1149] = x1148
    v = s1150
    return v


def audit_ListResourceTagsResponse(v: Any) -> Any:
    s1155 = {}
    for n1152, x1153 in v.items():
        e1154 = _c1156.get(n1152)
        if e1154 is not None:
            if x1153 is not None:
                s1155[e1154] = x1153
        else:
            c1157 = _c1158.get(n1152)
            if c1157 == 0:
                if x1153 is not None:
                    l1160 = []
                    for x1159 in x1153:
                        s1164 = {}
                        for n1161, x1162 in x1159.items():
                            e1163 = _c1165.get(n1161)
                            if e1163 is not None:
                                if x1162 is not None:
                                    s1164[e1163] = x1162
                        x1159 = s1164
                        l1160.append(x1159)
                    x1153 = l1160
                    s1155['tags'] = x1153
    v = s1155
    return v


def decode_ListRetirableGrants(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d1170 = False
        for n1167, x1168 in v.items():
            c1169 = _c1166.get(n1167)
            if c1169 == 0:
                if not (type(x1168) is str):
                    if x1168 is not None:
                        raise _wrong(x1168, "a string", f"{_camel(n1167)}")
                    d1170 = True
            elif c1169 == 1:
                if not (type(x1168) is int):
                    if x1168 is not None:
                        raise _wrong(x1168, "a number", f"{_camel(n1167)}")
                    d1170 = True
            else:  # not a member
                d1170 = True
        if d1170:
            v = {n: x for n, x in v.items() if n in _c1166 and x is not None}
    return v


def encode_ListGrantsResponse(v: Any) -> Any:
    s1174 = {}
    for n1171, x1172 in v.items():
        e1173 = _c1175.get(n1171)
        if e1173 is not None:
            if x1172 is not None:
                s1174[e1173] = x1172
        else:
            c1176 = _c1177.get(n1171)
            if c1176 == 0:
                if x1172 is not None:
                    l1179 = []
                    for x1178 in x1172:
                        s1183 = {}
                        for n1180, x1181 in x1178.items():
                            e1182 = _c1184.get(n1180)
                            if e1182 is not None:
                                if x1181 is not None:
                                    s1183[e1182] = x1181
                            else:
                                c1185 = _c1186.get(n1180)
                                if c1185 == 0:
                                    if x1181 is not None:
                                        s1190 = {}
                                        for n1187, x1188 in x1181.items():
                                            e1189 = _c1191.get(n1187)
                                            if e1189 is not None:
                                                if x1188 is not None:
                                                    s1190[e1189] = x1188
                                            else:
                                                c1192 = _c1193.get(n1187)
                                                if c1192 == 0:
                                                    if x1188 is not None:
                                                        x1188 = dict(x1188)
                                                        s1190['EncryptionContextEquals'] = x1188
                                                elif c1192 == 1:
                                                    if x1188 is not None:
                                                        x1188 = dict(x1188)
                                                        s1190['EncryptionContextSubset'] = x1188
                                        x1181 = s1190
                                        s1183['Constraints'] = x1181
                                elif c1185 == 1:
                                    if x1181 is not None:
                                        x1181 = round(x1181.timestamp(), 3)
                                        s1183['CreationDate'] = x1181
                                elif c1185 == 2:
                                    if x1181 is not None:
                                        x1181 = list(x1181)
                                        s1183['Operations'] = x1181
                        x1178 = s1183
                        l1179.append(x1178)
                    x1172 = l1179
                    s1174['Grants'] = x1172
    v = s1174
    return v


def audit_ListRetirableGrantsRequest(v: Any) -> Any:
    s1197 = {}
    for n1194, x1195 in v.items():
        e1196 = _c1198.get(n1194)
        if e1196 is not None:
            if x1195 is not None:
                s1197[e1196] = x1195
    v = s1197
    return v


def audit_ListGrantsResponse(v: Any) -> Any:
    s1202 = {}
    for n1199, x1200 in v.items():
        e1201 = _c1203.get(n1199)
        if e1201 is not None:
            if x1200 is not None:
                s1202[e1201] = x1200
        else:
            c1204 = _c1205.get(n1199)
            if c1204 == 0:
                if x1200 is not None:
                    l1207 = []
                    for x1206 in x1200:
                        s1211 = {}
                        for n1208, x1209 in x1206.items():
                            e1210 = _c1212.get(n1208)
                            if e1210 is not None:
                                if x1209 is not None:
                                    s1211[e1210] = x1209
                            else:
                                c1213 = _c1214.get(n1208)
                                if c1213 == 0:
                                    if x1209 is not None:
                                        s1218 = {}
                                        for n1215, x1216 in x1209.items():
                                            e1217 = _c1219.get(n1215)
                                            if e1217 is not None:
                                                if x1216 is not None:
                                                    s1218[e1217] = x1216
                                            else:
                                                c1220 = _c1221.get(n1215)
                                                if c1220 == 0:
                                                    if x1216 is not None:
                                                        x1216 = dict(x1216)
                                                        s1218['encryptionContextEquals'] = x1216
                                                elif c1220 == 1:
                                                    if x1216 is not None:
                                                        x1216 = dict(x1216)
                                                        s1218['encryptionContextSubset'] = x1216
                                        x1209 = s1218
                                        s1211['constraints'] = x1209
                                elif c1213 == 1:
                                    if x1209 is not None:
                                        x1209 = round(x1209.timestamp(), 3)
                                        s1211['creationDate'] = x1209
                                elif c1213 == 2:
                                    if x1209 is not None:
                                        x1209 = list(x1209)
                                        s1211['operations'] = x1209
                        x1206 = s1211
                        l1207.append(x1206)
                    x1200 = l1207
                    s1202['grants'] = x1200
    v = s1202
    return v


def decode_PutKeyPolicy(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d1226 = False
        for n1223, x1224 in v.items():
            c1225 = _c1222.get(n1223)
            if c1225 == 0:
                if not (type(x1224) is str):
                    if x1224 is not None:
                        raise _wrong(x1224, "a string", f"{_camel(n1223)}")
                    d1226 = True
            elif c1225 == 1:
                if not (type(x1224) is bool):
                    if x1224 is not None:
                        raise _wrong(x1224, "a boolean", f"{_camel(n1223)}")
                    d1226 = True
            else:  # not a member
                d1226 = True
        if d1226:
            v = {n: x for n, x in v.items() if n in _c1222 and x is not None}
    return v


def audit_PutKeyPolicyRequest(v: Any) -> Any:
    s1230 = {}
    for n1227, x1228 in v.items():
        e1229 = _c1231.get(n1227)
        if e1229 is not None:
            if x1228 is not None:
                s1230[e1229] = x1228
    v = s1230
    return v


def decode_ReEncrypt(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d1236 = False
        for n1233, x1234 in v.items():
            c1235 = _c1232.get(n1233)
            if c1235 == 0:
                if not (type(x1234) is str):
                    if x1234 is not None:
                        raise _wrong(x1234, "a string", f"{_camel(n1233)}")
                    d1236 = True
            elif c1235 == 1:
                if not (type(x1234) is str):
                    if x1234 is not None:
                        raise _wrong(x1234, "a base64 string", f"{_camel(n1233)}")
                    d1236 = True
                else:
                    try:
                        x1234 = _a2b(x1234, strict_mode=True)
                    except (_Error, ValueError):
                        raise _serialization(f"Value at '{_camel(n1233)}' is not valid base64") from None
                    v[n1233] = x1234
            elif c1235 == 2:
                if not (type(x1234) is dict):
                    if x1234 is not None:
                        raise _wrong(x1234, "a map", f"{_camel(n1233)}")
                    d1236 = True
                else:
                    d1239 = False
                    for k1237, x1238 in x1234.items():
                        if not (type(x1238) is str):
                            if x1238 is not None:
                                raise _wrong(x1238, "a string", f"{_camel(n1233)}.{k1237}")
                            d1239 = True
                    if d1239:
                        x1234 = {k: x for k, x in x1234.items() if x is not None}
                    v[n1233] = x1234
            elif c1235 == 3:
                if not (type(x1234) is bool):
                    if x1234 is not None:
                        raise _wrong(x1234, "a boolean", f"{_camel(n1233)}")
                    d1236 = True
            elif c1235 == 4:
                if not (type(x1234) is list):
                    if x1234 is not None:
                        raise _wrong(x1234, "a list", f"{_camel(n1233)}")
                    d1236 = True
                else:
                    for x1240 in x1234:
                        if not (type(x1240) is str):
                            raise _wrong(x1240, "a string", f"{_camel(n1233)}.{_position(x1234, x1240)}")
            elif c1235 == 5:
                if not (type(x1234) is list):
                    if x1234 is not None:
                        raise _wrong(x1234, "a list", f"{_camel(n1233)}")
                    d1236 = True
                else:
                    for x1241 in x1234:
                        if not (type(x1241) is str):
                            raise _wrong(x1241, "a string", f"{_camel(n1233)}.{_position(x1234, x1241)}")
            elif c1235 == 6:
                if not (type(x1234) is dict):
                    if x1234 is not None:
                        raise _wrong(x1234, "a map", f"{_camel(n1233)}")
                    d1236 = True
                else:
                    d1244 = False
                    for k1242, x1243 in x1234.items():
                        if not (type(x1243) is str):
                            if x1243 is not None:
                                raise _wrong(x1243, "a string", f"{_camel(n1233)}.{k1242}")
                            d1244 = True
                    if d1244:
                        x1234 = {k: x for k, x in x1234.items() if x is not None}
                    v[n1233] = x1234
            else:  # not a member
                d1236 = True
        if d1236:
            v = {n: x for n, x in v.items() if n in _c1232 and x is not None}
    return v


def encode_ReEncryptResponse(v: Any) -> Any:
    s1248 = {}
    for n1245, x1246 in v.items():
        e1247 = _c1249.get(n1245)
        if e1247 is not None:
            if x1246 is not None:
                s1248[e1247] = x1246
        else:
            c1250 = _c1251.get(n1245)
            if c1250 == 0:
                if x1246 is not None:
                    x1246 = _b2a(x1246, newline=False).decode("ascii")
                    s1248['CiphertextBlob'] = x1246
    v = s1248
    return v


def audit_ReEncryptRequest(v: Any) -> Any:
    s1255 = {}
    for n1252, x1253 in v.items():
        e1254 = _c1256.get(n1252)
        if e1254 is not None:
            if x1253 is not None:
                s1255[e1254] = x1253
        else:
            c1257 = _c1258.get(n1252)
            if c1257 == 0:
                if x1253 is not None:
                    x1253 = dict(x1253)
                    s1255['destinationEncryptionContext'] = x1253
            elif c1257 == 1:
                if x1253 is not None:
                    x1253 = list(x1253)
                    s1255['dryRunModifiers'] = x1253
            elif c1257 == 2:
                if x1253 is not None:
                    x1253 = list(x1253)
                    s1255['grantTokens'] = x1253
            elif c1257 == 3:
                if x1253 is not None:
                    x1253 = dict(x1253)
                    s1255['sourceEncryptionContext'] = x1253
    v = s1255
    return v


def audit_ReEncryptResponse(v: Any) -> Any:
    s1262 = {}
    for n1259, x1260 in v.items():
        e1261 = _c1263.get(n1259)
        if e1261 is not None:
            if x1260 is not None:
                s1262[e1261] = x1260
    v = s1262
    return v


def decode_ReplicateKey(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d1268 = False
        for n1265, x1266 in v.items():
            c1267 = _c1264.get(n1265)
            if c1267 == 0:
                if not (type(x1266) is str):
                    if x1266 is not None:
                        raise _wrong(x1266, "a string", f"{_camel(n1265)}")
                    d1268 = True
            elif c1267 == 1:
                if not (type(x1266) is bool):
                    if x1266 is not None:
                        raise _wrong(x1266, "a boolean", f"{_camel(n1265)}")
                    d1268 = True
            elif c1267 == 2:
                if not (type(x1266) is list):
                    if x1266 is not None:
                        raise _wrong(x1266, "a list", f"{_camel(n1265)}")
                    d1268 = True
                else:
                    l1270 = []
                    for x1269 in x1266:
                        if not (type(x1269) is dict):
                            raise _wrong(x1269, "a structure", f"{_camel(n1265)}.{_position(x1266, x1269)}")
                        else:
                            d1275 = False
                            for n1272, x1273 in x1269.items():
                                c1274 = _c1271.get(n1272)
                                if c1274 == 0:
                                    if not (type(x1273) is str):
                                        if x1273 is not None:
                                            raise _wrong(x1273, "a string", f"{_camel(n1265)}.{_position(x1266, x1269)}.{_camel(n1272)}")
                                        d1275 = True
                                else:  # not a member
                                    d1275 = True
                            if d1275:
                                x1269 = {n: x for n, x in x1269.items() if n in _c1271 and x is not None}
                        l1270.append(x1269)
                    x1266 = l1270
                    v[n1265] = x1266
            else:  # not a member
                d1268 = True
        if d1268:
            v = {n: x for n, x in v.items() if n in _c1264 and x is not None}
    return v


def encode_ReplicateKeyResponse(v: Any) -> Any:
    s1279 = {}
    for n1276, x1277 in v.items():
        e1278 = _c1280.get(n1276)
        if e1278 is not None:
            if x1277 is not None:
                s1279[e1278] = x1277
        else:
            c1281 = _c1282.get(n1276)
            if c1281 == 0:
                if x1277 is not None:
                    s1286 = {}
                    for n1283, x1284 in x1277.items():
                        e1285 = _c1287.get(n1283)
                        if e1285 is not None:
                            if x1284 is not None:
                                s1286[e1285] = x1284
                        else:
                            c1288 = _c1289.get(n1283)
                            if c1288 == 0:
                                if x1284 is not None:
                                    x1284 = round(x1284.timestamp(), 3)
                                    s1286['CreationDate'] = x1284
                            elif c1288 == 1:
                                if x1284 is not None:
                                    x1284 = round(x1284.timestamp(), 3)
                                    s1286['DeletionDate'] = x1284
                            elif c1288 == 2:
                                if x1284 is not None:
                                    x1284 = list(x1284)
                                    s1286['EncryptionAlgorithms'] = x1284
                            elif c1288 == 3:
                                if x1284 is not None:
                                    x1284 = list(x1284)
                                    s1286['KeyAgreementAlgorithms'] = x1284
                            elif c1288 == 4:
                                if x1284 is not None:
                                    x1284 = list(x1284)
                                    s1286['MacAlgorithms'] = x1284
                            elif c1288 == 5:
                                if x1284 is not None:
                                    s1293 = {}
                                    for n1290, x1291 in x1284.items():
                                        e1292 = _c1294.get(n1290)
                                        if e1292 is not None:
                                            if x1291 is not None:
                                                s1293[e1292] = x1291
                                        else:
                                            c1295 = _c1296.get(n1290)
                                            if c1295 == 0:
                                                if x1291 is not None:
                                                    s1300 = {}
                                                    for n1297, x1298 in x1291.items():
                                                        e1299 = _c1301.get(n1297)
                                                        if e1299 is not None:
                                                            if x1298 is not None:
                                                                s1300[e1299] = x1298
                                                    x1291 = s1300
                                                    s1293['PrimaryKey'] = x1291
                                            elif c1295 == 1:
                                                if x1291 is not None:
                                                    l1303 = []
                                                    for x1302 in x1291:
                                                        s1307 = {}
                                                        for n1304, x1305 in x1302.items():
                                                            e1306 = _c1308.get(n1304)
                                                            if e1306 is not None:
                                                                if x1305 is not None:
                                                                    s1307[e1306] = x1305
                                                        x1302 = s1307
                                                        l1303.append(x1302)
                                                    x1291 = l1303
                                                    s1293['ReplicaKeys'] = x1291
                                    x1284 = s1293
                                    s1286['MultiRegionConfiguration'] = x1284
                            elif c1288 == 6:
                                if x1284 is not None:
                                    x1284 = list(x1284)
                                    s1286['SigningAlgorithms'] = x1284
                            elif c1288 == 7:
                                if x1284 is not None:
                                    x1284 = round(x1284.timestamp(), 3)
                                    s1286['ValidTo'] = x1284
                            elif c1288 == 8:
                                if x1284 is not None:
                                    s1312 = {}
                                    for n1309, x1310 in x1284.items():
                                        e1311 = _c1313.get(n1309)
                                        if e1311 is not None:
                                            if x1310 is not None:
                                                s1312[e1311] = x1310
                                    x1284 = s1312
                                    s1286['XksKeyConfiguration'] = x1284
                    x1277 = s1286
                    s1279['ReplicaKeyMetadata'] = x1277
            elif c1281 == 1:
                if x1277 is not None:
                    l1315 = []
                    for x1314 in x1277:
                        s1319 = {}
                        for n1316, x1317 in x1314.items():
                            e1318 = _c1320.get(n1316)
                            if e1318 is not None:
                                if x1317 is not None:
                                    s1319[e1318] = x1317
                        x1314 = s1319
                        l1315.append(x1314)
                    x1277 = l1315
                    s1279['ReplicaTags'] = x1277
    v = s1279
    return v


def audit_ReplicateKeyRequest(v: Any) -> Any:
    s1324 = {}
    for n1321, x1322 in v.items():
        e1323 = _c1325.get(n1321)
        if e1323 is not None:
            if x1322 is not None:
                s1324[e1323] = x1322
        else:
            c1326 = _c1327.get(n1321)
            if c1326 == 0:
                if x1322 is not None:
                    l1329 = []
                    for x1328 in x1322:
                        s1333 = {}
                        for n1330, x1331 in x1328.items():
                            e1332 = _c1334.get(n1330)
                            if e1332 is not None:
                                if x1331 is not None:
                                    s1333[e1332] = x1331
                        x1328 = s1333
                        l1329.append(x1328)
                    x1322 = l1329
                    s1324['tags'] = x1322
    v = s1324
    return v


def audit_ReplicateKeyResponse(v: Any) -> Any:
    s1338 = {}
    for n1335, x1336 in v.items():
        e1337 = _c1339.get(n1335)
        if e1337 is not None:
            if x1336 is not None:
                s1338[e1337] = x1336
        else:
            c1340 = _c1341.get(n1335)
            if c1340 == 0:
                if x1336 is not None:
                    s1345 = {}
                    for n1342, x1343 in x1336.items():
                        e1344 = _c1346.get(n1342)
                        if e1344 is not None:
                            if x1343 is not None:
                                s1345[e1344] = x1343
                        else:
                            c1347 = _c1348.get(n1342)
                            if c1347 == 0:
                                if x1343 is not None:
                                    x1343 = round(x1343.timestamp(), 3)
                                    s1345['creationDate'] = x1343
                            elif c1347 == 1:
                                if x1343 is not None:
                                    x1343 = round(x1343.timestamp(), 3)
                                    s1345['deletionDate'] = x1343
                            elif c1347 == 2:
                                if x1343 is not None:
                                    x1343 = list(x1343)
                                    s1345['encryptionAlgorithms'] = x1343
                            elif c1347 == 3:
                                if x1343 is not None:
                                    x1343 = list(x1343)
                                    s1345['keyAgreementAlgorithms'] = x1343
                            elif c1347 == 4:
                                if x1343 is not None:
                                    x1343 = list(x1343)
                                    s1345['macAlgorithms'] = x1343
                            elif c1347 == 5:
                                if x1343 is not None:
                                    s1352 = {}
                                    for n1349, x1350 in x1343.items():
                                        e1351 = _c1353.get(n1349)
                                        if e1351 is not None:
                                            if x1350 is not None:
                                                s1352[e1351] = x1350
                                        else:
                                            c1354 = _c1355.get(n1349)
                                            if c1354 == 0:
                                                if x1350 is not None:
                                                    s1359 = {}
                                                    for n1356, x1357 in x1350.items():
                                                        e1358 = _c1360.get(n1356)
                                                        if e1358 is not None:
                                                            if x1357 is not None:
                                                                s1359[e1358] = x1357
                                                    x1350 = s1359
                                                    s1352['primaryKey'] = x1350
                                            elif c1354 == 1:
                                                if x1350 is not None:
                                                    l1362 = []
                                                    for x1361 in x1350:
                                                        s1366 = {}
                                                        for n1363, x1364 in x1361.items():
                                                            e1365 = _c1367.get(n1363)
                                                            if e1365 is not None:
                                                                if x1364 is not None:
                                                                    s1366[e1365] = x1364
                                                        x1361 = s1366
                                                        l1362.append(x1361)
                                                    x1350 = l1362
                                                    s1352['replicaKeys'] = x1350
                                    x1343 = s1352
                                    s1345['multiRegionConfiguration'] = x1343
                            elif c1347 == 6:
                                if x1343 is not None:
                                    x1343 = list(x1343)
                                    s1345['signingAlgorithms'] = x1343
                            elif c1347 == 7:
                                if x1343 is not None:
                                    x1343 = round(x1343.timestamp(), 3)
                                    s1345['validTo'] = x1343
                            elif c1347 == 8:
                                if x1343 is not None:
                                    s1371 = {}
                                    for n1368, x1369 in x1343.items():
                                        e1370 = _c1372.get(n1368)
                                        if e1370 is not None:
                                            if x1369 is not None:
                                                s1371[e1370] = x1369
                                    x1343 = s1371
                                    s1345['xksKeyConfiguration'] = x1343
                    x1336 = s1345
                    s1338['replicaKeyMetadata'] = x1336
            elif c1340 == 1:
                if x1336 is not None:
                    l1374 = []
                    for x1373 in x1336:
                        s1378 = {}
                        for n1375, x1376 in x1373.items():
                            e1377 = _c1379.get(n1375)
                            if e1377 is not None:
                                if x1376 is not None:
                                    s1378[e1377] = x1376
                        x1373 = s1378
                        l1374.append(x1373)
                    x1336 = l1374
                    s1338['replicaTags'] = x1336
    v = s1338
    return v


def decode_RetireGrant(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d1384 = False
        for n1381, x1382 in v.items():
            c1383 = _c1380.get(n1381)
            if c1383 == 0:
                if not (type(x1382) is str):
                    if x1382 is not None:
                        raise _wrong(x1382, "a string", f"{_camel(n1381)}")
                    d1384 = True
            elif c1383 == 1:
                if not (type(x1382) is bool):
                    if x1382 is not None:
                        raise _wrong(x1382, "a boolean", f"{_camel(n1381)}")
                    d1384 = True
            else:  # not a member
                d1384 = True
        if d1384:
            v = {n: x for n, x in v.items() if n in _c1380 and x is not None}
    return v


def audit_RetireGrantRequest(v: Any) -> Any:
    s1388 = {}
    for n1385, x1386 in v.items():
        e1387 = _c1389.get(n1385)
        if e1387 is not None:
            if x1386 is not None:
                s1388[e1387] = x1386
    v = s1388
    return v


def decode_RevokeGrant(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d1394 = False
        for n1391, x1392 in v.items():
            c1393 = _c1390.get(n1391)
            if c1393 == 0:
                if not (type(x1392) is str):
                    if x1392 is not None:
                        raise _wrong(x1392, "a string", f"{_camel(n1391)}")
                    d1394 = True
            elif c1393 == 1:
                if not (type(x1392) is bool):
                    if x1392 is not None:
                        raise _wrong(x1392, "a boolean", f"{_camel(n1391)}")
                    d1394 = True
            else:  # not a member
                d1394 = True
        if d1394:
            v = {n: x for n, x in v.items() if n in _c1390 and x is not None}
    return v


def audit_RevokeGrantRequest(v: Any) -> Any:
    s1398 = {}
    for n1395, x1396 in v.items():
        e1397 = _c1399.get(n1395)
        if e1397 is not None:
            if x1396 is not None:
                s1398[e1397] = x1396
    v = s1398
    return v


def decode_RotateKeyOnDemand(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d1404 = False
        for n1401, x1402 in v.items():
            c1403 = _c1400.get(n1401)
            if c1403 == 0:
                if not (type(x1402) is str):
                    if x1402 is not None:
                        raise _wrong(x1402, "a string", f"{_camel(n1401)}")
                    d1404 = True
            else:  # not a member
                d1404 = True
        if d1404:
            v = {n: x for n, x in v.items() if n in _c1400 and x is not None}
    return v


def encode_RotateKeyOnDemandResponse(v: Any) -> Any:
    s1408 = {}
    for n1405, x1406 in v.items():
        e1407 = _c1409.get(n1405)
        if e1407 is not None:
            if x1406 is not None:
                s1408[e1407] = x1406
    v = s1408
    return v


def audit_RotateKeyOnDemandRequest(v: Any) -> Any:
    s1413 = {}
    for n1410, x1411 in v.items():
        e1412 = _c1414.get(n1410)
        if e1412 is not None:
            if x1411 is not None:
                s1413[e1412] = x1411
    v = s1413
    return v


def audit_RotateKeyOnDemandResponse(v: Any) -> Any:
    s1418 = {}
    for n1415, x1416 in v.items():
        e1417 = _c1419.get(n1415)
        if e1417 is not None:
            if x1416 is not None:
                s1418[e1417] = x1416
    v = s1418
    return v


def decode_ScheduleKeyDeletion(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d1424 = False
        for n1421, x1422 in v.items():
            c1423 = _c1420.get(n1421)
            if c1423 == 0:
                if not (type(x1422) is str):
                    if x1422 is not None:
                        raise _wrong(x1422, "a string", f"{_camel(n1421)}")
                    d1424 = True
            elif c1423 == 1:
                if not (type(x1422) is int):
                    if x1422 is not None:
                        raise _wrong(x1422, "a number", f"{_camel(n1421)}")
                    d1424 = True
            else:  # not a member
                d1424 = True
        if d1424:
            v = {n: x for n, x in v.items() if n in _c1420 and x is not None}
    return v


def encode_ScheduleKeyDeletionResponse(v: Any) -> Any:
    s1428 = {}
    for n1425, x1426 in v.items():
        e1427 = _c1429.get(n1425)
        if e1427 is not None:
            if x1426 is not None:
                s1428[e1427] = x1426
        else:
            c1430 = _c1431.get(n1425)
            if c1430 == 0:
                if x1426 is not None:
                    x1426 = round(x1426.timestamp(), 3)
                    s1428['DeletionDate'] = x1426
    v = s1428
    return v


def audit_ScheduleKeyDeletionRequest(v: Any) -> Any:
    s1435 = {}
    for n1432, x1433 in v.items():
        e1434 = _c1436.get(n1432)
        if e1434 is not None:
            if x1433 is not None:
                s1435[e1434] = x1433
    v = s1435
    return v


def audit_ScheduleKeyDeletionResponse(v: Any) -> Any:
    s1440 = {}
    for n1437, x1438 in v.items():
        e1439 = _c1441.get(n1437)
        if e1439 is not None:
            if x1438 is not None:
                s1440[e1439] = x1438
        else:
            c1442 = _c1443.get(n1437)
            if c1442 == 0:
                if x1438 is not None:
                    x1438 = round(x1438.timestamp(), 3)
                    s1440['deletionDate'] = x1438
    v = s1440
    return v


def decode_Sign(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d1448 = False
        for n1445, x1446 in v.items():
            c1447 = _c1444.get(n1445)
            if c1447 == 0:
                if not (type(x1446) is str):
                    if x1446 is not None:
                        raise _wrong(x1446, "a string", f"{_camel(n1445)}")
                    d1448 = True
            elif c1447 == 1:
                if not (type(x1446) is str):
                    if x1446 is not None:
                        raise _wrong(x1446, "a base64 string", f"{_camel(n1445)}")
                    d1448 = True
                else:
                    try:
                        x1446 = _a2b(x1446, strict_mode=True)
                    except (_Error, ValueError):
                        raise _serialization(f"Value at '{_camel(n1445)}' is not valid base64") from None
                    v[n1445] = x1446
            elif c1447 == 2:
                if not (type(x1446) is bool):
                    if x1446 is not None:
                        raise _wrong(x1446, "a boolean", f"{_camel(n1445)}")
                    d1448 = True
            elif c1447 == 3:
                if not (type(x1446) is list):
                    if x1446 is not None:
                        raise _wrong(x1446, "a list", f"{_camel(n1445)}")
                    d1448 = True
                else:
                    for x1449 in x1446:
                        if not (type(x1449) is str):
                            raise _wrong(x1449, "a string", f"{_camel(n1445)}.{_position(x1446, x1449)}")
            else:  # not a member
                d1448 = True
        if d1448:
            v = {n: x for n, x in v.items() if n in _c1444 and x is not None}
    return v


def encode_SignResponse(v: Any) -> Any:
    s1453 = {}
    for n1450, x1451 in v.items():
        e1452 = _c1454.get(n1450)
        if e1452 is not None:
            if x1451 is not None:
                s1453[e1452] = x1451
        else:
            c1455 = _c1456.get(n1450)
            if c1455 == 0:
                if x1451 is not None:
                    x1451 = _b2a(x1451, newline=False).decode("ascii")
                    s1453['Signature'] = x1451
    v = s1453
    return v


def audit_SignRequest(v: Any) -> Any:
    s1460 = {}
    for n1457, x1458 in v.items():
        e1459 = _c1461.get(n1457)
        if e1459 is not None:
            if x1458 is not None:
                s1460[e1459] = x1458
        else:
            c1462 = _c1463.get(n1457)
            if c1462 == 0:
                if x1458 is not None:
                    x1458 = list(x1458)
                    s1460['grantTokens'] = x1458
    v = s1460
    return v


def audit_SignResponse(v: Any) -> Any:
    s1467 = {}
    for n1464, x1465 in v.items():
        e1466 = _c1468.get(n1464)
        if e1466 is not None:
            if x1465 is not None:
                s1467[e1466] = x1465
    v = s1467
    return v


def decode_TagResource(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d1473 = False
        for n1470, x1471 in v.items():
            c1472 = _c1469.get(n1470)
            if c1472 == 0:
                if not (type(x1471) is str):
                    if x1471 is not None:
                        raise _wrong(x1471, "a string", f"{_camel(n1470)}")
                    d1473 = True
            elif c1472 == 1:
                if not (type(x1471) is list):
                    if x1471 is not None:
                        raise _wrong(x1471, "a list", f"{_camel(n1470)}")
                    d1473 = True
                else:
                    l1475 = []
                    for x1474 in x1471:
                        if not (type(x1474) is dict):
                            raise _wrong(x1474, "a structure", f"{_camel(n1470)}.{_position(x1471, x1474)}")
                        else:
                            d1480 = False
                            for n1477, x1478 in x1474.items():
                                c1479 = _c1476.get(n1477)
                                if c1479 == 0:
                                    if not (type(x1478) is str):
                                        if x1478 is not None:
                                            raise _wrong(x1478, "a string", f"{_camel(n1470)}.{_position(x1471, x1474)}.{_camel(n1477)}")
                                        d1480 = True
                                else:  # not a member
                                    d1480 = True
                            if d1480:
                                x1474 = {n: x for n, x in x1474.items() if n in _c1476 and x is not None}
                        l1475.append(x1474)
                    x1471 = l1475
                    v[n1470] = x1471
            else:  # not a member
                d1473 = True
        if d1473:
            v = {n: x for n, x in v.items() if n in _c1469 and x is not None}
    return v


def audit_TagResourceRequest(v: Any) -> Any:
    s1484 = {}
    for n1481, x1482 in v.items():
        e1483 = _c1485.get(n1481)
        if e1483 is not None:
            if x1482 is not None:
                s1484[e1483] = x1482
        else:
            c1486 = _c1487.get(n1481)
            if c1486 == 0:
                if x1482 is not None:
                    l1489 = []
                    for x1488 in x1482:
                        s1493 = {}
                        for n1490, x1491 in x1488.items():
                            e1492 = _c1494.get(n1490)
                            if e1492 is not None:
                                if x1491 is not None:
                                    s1493[e1492] = x1491
                        x1488 = s1493
                        l1489.append(x1488)
                    x1482 = l1489
                    s1484['tags'] = x1482
    v = s1484
    return v


def decode_UntagResource(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d1499 = False
        for n1496, x1497 in v.items():
            c1498 = _c1495.get(n1496)
            if c1498 == 0:
                if not (type(x1497) is str):
                    if x1497 is not None:
                        raise _wrong(x1497, "a string", f"{_camel(n1496)}")
                    d1499 = True
            elif c1498 == 1:
                if not (type(x1497) is list):
                    if x1497 is not None:
                        raise _wrong(x1497, "a list", f"{_camel(n1496)}")
                    d1499 = True
                else:
                    for x1500 in x1497:
                        if not (type(x1500) is str):
                            raise _wrong(x1500, "a string", f"{_camel(n1496)}.{_position(x1497, x1500)}")
            else:  # not a member
                d1499 = True
        if d1499:
            v = {n: x for n, x in v.items() if n in _c1495 and x is not None}
    return v


def audit_UntagResourceRequest(v: Any) -> Any:
    s1504 = {}
    for n1501, x1502 in v.items():
        e1503 = _c1505.get(n1501)
        if e1503 is not None:
            if x1502 is not None:
                s1504[e1503] = x1502
        else:
            c1506 = _c1507.get(n1501)
            if c1506 == 0:
                if x1502 is not None:
                    x1502 = list(x1502)
                    s1504['tagKeys'] = x1502
    v = s1504
    return v


def decode_UpdateAlias(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d1512 = False
        for n1509, x1510 in v.items():
            c1511 = _c1508.get(n1509)
            if c1511 == 0:
                if not (type(x1510) is str):
                    if x1510 is not None:
                        raise _wrong(x1510, "a string", f"{_camel(n1509)}")
                    d1512 = True
            else:  # not a member
                d1512 = True
        if d1512:
            v = {n: x for n, x in v.items() if n in _c1508 and x is not None}
    return v


def audit_UpdateAliasRequest(v: Any) -> Any:
    s1516 = {}
    for n1513, x1514 in v.items():
        e1515 = _c1517.get(n1513)
        if e1515 is not None:
            if x1514 is not None:
                s1516[e1515] = x1514
    v = s1516
    return v


def decode_UpdateCustomKeyStore(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d1522 = False
        for n1519, x1520 in v.items():
            c1521 = _c1518.get(n1519)
            if c1521 == 0:
                if not (type(x1520) is str):
                    if x1520 is not None:
                        raise _wrong(x1520, "a string", f"{_camel(n1519)}")
                    d1522 = True
            elif c1521 == 1:
                if not (type(x1520) is dict):
                    if x1520 is not None:
                        raise _wrong(x1520, "a structure", f"{_camel(n1519)}")
                    d1522 = True
                else:
                    d1527 = False
                    for n1524, x1525 in x1520.items():
                        c1526 = _c1523.get(n1524)
                        if c1526 == 0:
                            if not (type(x1525) is str):
                                if x1525 is not None:
                                    raise _wrong(x1525, "a string", f"{_camel(n1519)}.{_camel(n1524)}")
                                d1527 = True
                        else:  # not a member
                            d1527 = True
                    if d1527:
                        x1520 = {n: x for n, x in x1520.items() if n in _c1523 and x is not None}
                    v[n1519] = x1520
            else:  # not a member
                d1522 = True
        if d1522:
            v = {n: x for n, x in v.items() if n in _c1518 and x is not None}
    return v


def encode_UpdateCustomKeyStoreResponse(v: Any) -> Any:
    s1531 = {}
    for n1528, x1529 in v.items():
        e1530 = _c1532.get(n1528)
        if e1530 is not None:
            if x1529 is not None:
                s1531[e1530] = x1529
    v = s1531
    return v


def audit_UpdateCustomKeyStoreRequest(v: Any) -> Any:
    s1536 = {}
    for n1533, x1534 in v.items():
        e1535 = _c1537.get(n1533)
        if e1535 is not None:
            if x1534 is not None:
                s1536[e1535] = x1534
        else:
            c1538 = _c1539.get(n1533)
            if c1538 == 0:
                if x1534 is not None:
                    s1543 = {}
                    for n1540, x1541 in x1534.items():
                        e1542 = _c1544.get(n1540)
                        if e1542 is not None:
                            if x1541 is not None:
                                s1543[e1542] = x1541
                    x1534 = s1543
                    s1536['xksProxyAuthenticationCredential'] = x1534
    v = s1536
    return v


def audit_UpdateCustomKeyStoreResponse(v: Any) -> Any:
    s1548 = {}
    for n1545, x1546 in v.items():
        e1547 = _c1549.get(n1545)
        if e1547 is not None:
            if x1546 is not None:
                s1548[e1547] = x1546
    v = s1548
    return v


def decode_UpdateKeyDescription(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d1554 = False
        for n1551, x1552 in v.items():
            c1553 = _c1550.get(n1551)
            if c1553 == 0:
                if not (type(x1552) is str):
                    if x1552 is not None:
                        raise _wrong(x1552, "a string", f"{_camel(n1551)}")
                    d1554 = True
            else:  # not a member
                d1554 = True
        if d1554:
            v = {n: x for n, x in v.items() if n in _c1550 and x is not None}
    return v


def audit_UpdateKeyDescriptionRequest(v: Any) -> Any:
    s1558 = {}
    for n1555, x1556 in v.items():
        e1557 = _c1559.get(n1555)
        if e1557 is not None:
            if x1556 is not None:
                s1558[e1557] = x1556
    v = s1558
    return v


def decode_UpdatePrimaryRegion(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d1564 = False
        for n1561, x1562 in v.items():
            c1563 = _c1560.get(n1561)
            if c1563 == 0:
                if not (type(x1562) is str):
                    if x1562 is not None:
                        raise _wrong(x1562, "a string", f"{_camel(n1561)}")
                    d1564 = True
            else:  # not a member
                d1564 = True
        if d1564:
            v = {n: x for n, x in v.items() if n in _c1560 and x is not None}
    return v


def audit_UpdatePrimaryRegionRequest(v: Any) -> Any:
    s1568 = {}
    for n1565, x1566 in v.items():
        e1567 = _c1569.get(n1565)
        if e1567 is not None:
            if x1566 is not None:
                s1568[e1567] = x1566
    v = s1568
    return v


def decode_Verify(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d1574 = False
        for n1571, x1572 in v.items():
            c1573 = _c1570.get(n1571)
            if c1573 == 0:
                if not (type(x1572) is str):
                    if x1572 is not None:
                        raise _wrong(x1572, "a string", f"{_camel(n1571)}")
                    d1574 = True
            elif c1573 == 1:
                if not (type(x1572) is str):
                    if x1572 is not None:
                        raise _wrong(x1572, "a base64 string", f"{_camel(n1571)}")
                    d1574 = True
                else:
                    try:
                        x1572 = _a2b(x1572, strict_mode=True)
                    except (_Error, ValueError):
                        raise _serialization(f"Value at '{_camel(n1571)}' is not valid base64") from None
                    v[n1571] = x1572
            elif c1573 == 2:
                if not (type(x1572) is bool):
                    if x1572 is not None:
                        raise _wrong(x1572, "a boolean", f"{_camel(n1571)}")
                    d1574 = True
            elif c1573 == 3:
                if not (type(x1572) is list):
                    if x1572 is not None:
                        raise _wrong(x1572, "a list", f"{_camel(n1571)}")
                    d1574 = True
                else:
                    for x1575 in x1572:
                        if not (type(x1575) is str):
                            raise _wrong(x1575, "a string", f"{_camel(n1571)}.{_position(x1572, x1575)}")
            else:  # not a member
                d1574 = True
        if d1574:
            v = {n: x for n, x in v.items() if n in _c1570 and x is not None}
    return v


def encode_VerifyResponse(v: Any) -> Any:
    s1579 = {}
    for n1576, x1577 in v.items():
        e1578 = _c1580.get(n1576)
        if e1578 is not None:
            if x1577 is not None:
                s1579[e1578] = x1577
    v = s1579
    return v


def audit_VerifyRequest(v: Any) -> Any:
    s1584 = {}
    for n1581, x1582 in v.items():
        e1583 = _c1585.get(n1581)
        if e1583 is not None:
            if x1582 is not None:
                s1584[e1583] = x1582
        else:
            c1586 = _c1587.get(n1581)
            if c1586 == 0:
                if x1582 is not None:
                    x1582 = list(x1582)
                    s1584['grantTokens'] = x1582
    v = s1584
    return v


def audit_VerifyResponse(v: Any) -> Any:
    s1591 = {}
    for n1588, x1589 in v.items():
        e1590 = _c1592.get(n1588)
        if e1590 is not None:
            if x1589 is not None:
                s1591[e1590] = x1589
    v = s1591
    return v


def decode_VerifyMac(v: Any) -> dict[str, Any]:
    if not (type(v) is dict):
        raise _wrong(v, "a structure", f"")
    else:
        d1597 = False
        for n1594, x1595 in v.items():
            c1596 = _c1593.get(n1594)
            if c1596 == 0:
                if not (type(x1595) is str):
                    if x1595 is not None:
                        raise _wrong(x1595, "a string", f"{_camel(n1594)}")
                    d1597 = True
            elif c1596 == 1:
                if not (type(x1595) is str):
                    if x1595 is not None:
                        raise _wrong(x1595, "a base64 string", f"{_camel(n1594)}")
                    d1597 = True
                else:
                    try:
                        x1595 = _a2b(x1595, strict_mode=True)
                    except (_Error, ValueError):
                        raise _serialization(f"Value at '{_camel(n1594)}' is not valid base64") from None
                    v[n1594] = x1595
            elif c1596 == 2:
                if not (type(x1595) is bool):
                    if x1595 is not None:
                        raise _wrong(x1595, "a boolean", f"{_camel(n1594)}")
                    d1597 = True
            elif c1596 == 3:
                if not (type(x1595) is list):
                    if x1595 is not None:
                        raise _wrong(x1595, "a list", f"{_camel(n1594)}")
                    d1597 = True
                else:
                    for x1598 in x1595:
                        if not (type(x1598) is str):
                            raise _wrong(x1598, "a string", f"{_camel(n1594)}.{_position(x1595, x1598)}")
            else:  # not a member
                d1597 = True
        if d1597:
            v = {n: x for n, x in v.items() if n in _c1593 and x is not None}
    return v


def encode_VerifyMacResponse(v: Any) -> Any:
    s1602 = {}
    for n1599, x1600 in v.items():
        e1601 = _c1603.get(n1599)
        if e1601 is not None:
            if x1600 is not None:
                s1602[e1601] = x1600
    v = s1602
    return v


def audit_VerifyMacRequest(v: Any) -> Any:
    s1607 = {}
    for n1604, x1605 in v.items():
        e1606 = _c1608.get(n1604)
        if e1606 is not None:
            if x1605 is not None:
                s1607[e1606] = x1605
        else:
            c1609 = _c1610.get(n1604)
            if c1609 == 0:
                if x1605 is not None:
                    x1605 = list(x1605)
                    s1607['grantTokens'] = x1605
    v = s1607
    return v


def audit_VerifyMacResponse(v: Any) -> Any:
    s1614 = {}
    for n1611, x1612 in v.items():
        e1613 = _c1615.get(n1611)
        if e1613 is not None:
            if x1612 is not None:
                s1614[e1613] = x1612
    v = s1614
    return v


DECODERS: dict[str, Callable[[Any], dict[str, Any]]] = {
    'CancelKeyDeletion': decode_CancelKeyDeletion,
    'ConnectCustomKeyStore': decode_ConnectCustomKeyStore,
    'CreateAlias': decode_CreateAlias,
    'CreateCustomKeyStore': decode_CreateCustomKeyStore,
    'CreateGrant': decode_CreateGrant,
    'CreateKey': decode_CreateKey,
    'Decrypt': decode_Decrypt,
    'DeleteAlias': decode_DeleteAlias,
    'DeleteCustomKeyStore': decode_DeleteCustomKeyStore,
    'DeleteImportedKeyMaterial': decode_DeleteImportedKeyMaterial,
    'DeriveSharedSecret': decode_DeriveSharedSecret,
    'DescribeCustomKeyStores': decode_DescribeCustomKeyStores,
    'DescribeKey': decode_DescribeKey,
    'DisableKey': decode_DisableKey,
    'DisableKeyRotation': decode_DisableKeyRotation,
    'DisconnectCustomKeyStore': decode_DisconnectCustomKeyStore,
    'EnableKey': decode_EnableKey,
    'EnableKeyRotation': decode_EnableKeyRotation,
    'Encrypt': decode_Encrypt,
    'GenerateDataKey': decode_GenerateDataKey,
    'GenerateDataKeyPair': decode_GenerateDataKeyPair,
    'GenerateDataKeyPairWithoutPlaintext': decode_GenerateDataKeyPairWithoutPlaintext,
    'GenerateDataKeyWithoutPlaintext': decode_GenerateDataKeyWithoutPlaintext,
    'GenerateMac': decode_GenerateMac,
    'GenerateRandom': decode_GenerateRandom,
    'GetKeyLastUsage': decode_GetKeyLastUsage,
    'GetKeyPolicy': decode_GetKeyPolicy,
    'GetKeyRotationStatus': decode_GetKeyRotationStatus,
    'GetParametersForImport': decode_GetParametersForImport,
    'GetPublicKey': decode_GetPublicKey,
    'ImportKeyMaterial': decode_ImportKeyMaterial,
    'ListAliases': decode_ListAliases,
    'ListGrants': decode_ListGrants,
    'ListKeyPolicies': decode_ListKeyPolicies,
    'ListKeyRotations': decode_ListKeyRotations,
    'ListKeys': decode_ListKeys,
    'ListResourceTags': decode_ListResourceTags,
    'ListRetirableGrants': decode_ListRetirableGrants,
    'PutKeyPolicy': decode_PutKeyPolicy,
    'ReEncrypt': decode_ReEncrypt,
    'ReplicateKey': decode_ReplicateKey,
    'RetireGrant': decode_RetireGrant,
    'RevokeGrant': decode_RevokeGrant,
    'RotateKeyOnDemand': decode_RotateKeyOnDemand,
    'ScheduleKeyDeletion': decode_ScheduleKeyDeletion,
    'Sign': decode_Sign,
    'TagResource': decode_TagResource,
    'UntagResource': decode_UntagResource,
    'UpdateAlias': decode_UpdateAlias,
    'UpdateCustomKeyStore': decode_UpdateCustomKeyStore,
    'UpdateKeyDescription': decode_UpdateKeyDescription,
    'UpdatePrimaryRegion': decode_UpdatePrimaryRegion,
    'Verify': decode_Verify,
    'VerifyMac': decode_VerifyMac,
}


ENCODERS: dict[str, Callable[[Any], Any]] = {
    'CancelKeyDeletion': encode_CancelKeyDeletionResponse,
    'ConnectCustomKeyStore': encode_ConnectCustomKeyStoreResponse,
    'CreateAlias': _empty,
    'CreateCustomKeyStore': encode_CreateCustomKeyStoreResponse,
    'CreateGrant': encode_CreateGrantResponse,
    'CreateKey': encode_CreateKeyResponse,
    'Decrypt': encode_DecryptResponse,
    'DeleteAlias': _empty,
    'DeleteCustomKeyStore': encode_DeleteCustomKeyStoreResponse,
    'DeleteImportedKeyMaterial': encode_DeleteImportedKeyMaterialResponse,
    'DeriveSharedSecret': encode_DeriveSharedSecretResponse,
    'DescribeCustomKeyStores': encode_DescribeCustomKeyStoresResponse,
    'DescribeKey': encode_DescribeKeyResponse,
    'DisableKey': _empty,
    'DisableKeyRotation': _empty,
    'DisconnectCustomKeyStore': encode_DisconnectCustomKeyStoreResponse,
    'EnableKey': _empty,
    'EnableKeyRotation': _empty,
    'Encrypt': encode_EncryptResponse,
    'GenerateDataKey': encode_GenerateDataKeyResponse,
    'GenerateDataKeyPair': encode_GenerateDataKeyPairResponse,
    'GenerateDataKeyPairWithoutPlaintext': encode_GenerateDataKeyPairWithoutPlaintextResponse,
    'GenerateDataKeyWithoutPlaintext': encode_GenerateDataKeyWithoutPlaintextResponse,
    'GenerateMac': encode_GenerateMacResponse,
    'GenerateRandom': encode_GenerateRandomResponse,
    'GetKeyLastUsage': encode_GetKeyLastUsageResponse,
    'GetKeyPolicy': encode_GetKeyPolicyResponse,
    'GetKeyRotationStatus': encode_GetKeyRotationStatusResponse,
    'GetParametersForImport': encode_GetParametersForImportResponse,
    'GetPublicKey': encode_GetPublicKeyResponse,
    'ImportKeyMaterial': encode_ImportKeyMaterialResponse,
    'ListAliases': encode_ListAliasesResponse,
    'ListGrants': encode_ListGrantsResponse,
    'ListKeyPolicies': encode_ListKeyPoliciesResponse,
    'ListKeyRotations': encode_ListKeyRotationsResponse,
    'ListKeys': encode_ListKeysResponse,
    'ListResourceTags': encode_ListResourceTagsResponse,
    'ListRetirableGrants': encode_ListGrantsResponse,
    'PutKeyPolicy': _empty,
    'ReEncrypt': encode_ReEncryptResponse,
    'ReplicateKey': encode_ReplicateKeyResponse,
    'RetireGrant': _empty,
    'RevokeGrant': _empty,
    'RotateKeyOnDemand': encode_RotateKeyOnDemandResponse,
    'ScheduleKeyDeletion': encode_ScheduleKeyDeletionResponse,
    'Sign': encode_SignResponse,
    'TagResource': _empty,
    'UntagResource': _empty,
    'UpdateAlias': _empty,
    'UpdateCustomKeyStore': encode_UpdateCustomKeyStoreResponse,
    'UpdateKeyDescription': _empty,
    'UpdatePrimaryRegion': _empty,
    'Verify': encode_VerifyResponse,
    'VerifyMac': encode_VerifyMacResponse,
}


AUDIT_INPUT: dict[str, Callable[[Any], Any]] = {
    'CancelKeyDeletion': audit_CancelKeyDeletionRequest,
    'ConnectCustomKeyStore': audit_ConnectCustomKeyStoreRequest,
    'CreateAlias': audit_CreateAliasRequest,
    'CreateCustomKeyStore': audit_CreateCustomKeyStoreRequest,
    'CreateGrant': audit_CreateGrantRequest,
    'CreateKey': audit_CreateKeyRequest,
    'Decrypt': audit_DecryptRequest,
    'DeleteAlias': audit_DeleteAliasRequest,
    'DeleteCustomKeyStore': audit_DeleteCustomKeyStoreRequest,
    'DeleteImportedKeyMaterial': audit_DeleteImportedKeyMaterialRequest,
    'DeriveSharedSecret': audit_DeriveSharedSecretRequest,
    'DescribeCustomKeyStores': audit_DescribeCustomKeyStoresRequest,
    'DescribeKey': audit_DescribeKeyRequest,
    'DisableKey': audit_DisableKeyRequest,
    'DisableKeyRotation': audit_DisableKeyRotationRequest,
    'DisconnectCustomKeyStore': audit_DisconnectCustomKeyStoreRequest,
    'EnableKey': audit_EnableKeyRequest,
    'EnableKeyRotation': audit_EnableKeyRotationRequest,
    'Encrypt': audit_EncryptRequest,
    'GenerateDataKey': audit_GenerateDataKeyRequest,
    'GenerateDataKeyPair': audit_GenerateDataKeyPairRequest,
    'GenerateDataKeyPairWithoutPlaintext': audit_GenerateDataKeyPairWithoutPlaintextRequest,
    'GenerateDataKeyWithoutPlaintext': audit_GenerateDataKeyWithoutPlaintextRequest,
    'GenerateMac': audit_GenerateMacRequest,
    'GenerateRandom': audit_GenerateRandomRequest,
    'GetKeyLastUsage': audit_GetKeyLastUsageRequest,
    'GetKeyPolicy': audit_GetKeyPolicyRequest,
    'GetKeyRotationStatus': audit_GetKeyRotationStatusRequest,
    'GetParametersForImport': audit_GetParametersForImportRequest,
    'GetPublicKey': audit_GetPublicKeyRequest,
    'ImportKeyMaterial': audit_ImportKeyMaterialRequest,
    'ListAliases': audit_ListAliasesRequest,
    'ListGrants': audit_ListGrantsRequest,
    'ListKeyPolicies': audit_ListKeyPoliciesRequest,
    'ListKeyRotations': audit_ListKeyRotationsRequest,
    'ListKeys': audit_ListKeysRequest,
    'ListResourceTags': audit_ListResourceTagsRequest,
    'ListRetirableGrants': audit_ListRetirableGrantsRequest,
    'PutKeyPolicy': audit_PutKeyPolicyRequest,
    'ReEncrypt': audit_ReEncryptRequest,
    'ReplicateKey': audit_ReplicateKeyRequest,
    'RetireGrant': audit_RetireGrantRequest,
    'RevokeGrant': audit_RevokeGrantRequest,
    'RotateKeyOnDemand': audit_RotateKeyOnDemandRequest,
    'ScheduleKeyDeletion': audit_ScheduleKeyDeletionRequest,
    'Sign': audit_SignRequest,
    'TagResource': audit_TagResourceRequest,
    'UntagResource': audit_UntagResourceRequest,
    'UpdateAlias': audit_UpdateAliasRequest,
    'UpdateCustomKeyStore': audit_UpdateCustomKeyStoreRequest,
    'UpdateKeyDescription': audit_UpdateKeyDescriptionRequest,
    'UpdatePrimaryRegion': audit_UpdatePrimaryRegionRequest,
    'Verify': audit_VerifyRequest,
    'VerifyMac': audit_VerifyMacRequest,
}


AUDIT_OUTPUT: dict[str, Callable[[Any], Any]] = {
    'CancelKeyDeletion': audit_CancelKeyDeletionResponse,
    'ConnectCustomKeyStore': audit_ConnectCustomKeyStoreResponse,
    'CreateAlias': _none,
    'CreateCustomKeyStore': audit_CreateCustomKeyStoreResponse,
    'CreateGrant': audit_CreateGrantResponse,
    'CreateKey': audit_CreateKeyResponse,
    'Decrypt': audit_DecryptResponse,
    'DeleteAlias': _none,
    'DeleteCustomKeyStore': audit_DeleteCustomKeyStoreResponse,
    'DeleteImportedKeyMaterial': audit_DeleteImportedKeyMaterialResponse,
    'DeriveSharedSecret': audit_DeriveSharedSecretResponse,
    'DescribeCustomKeyStores': audit_DescribeCustomKeyStoresResponse,
    'DescribeKey': audit_DescribeKeyResponse,
    'DisableKey': _none,
    'DisableKeyRotation': _none,
    'DisconnectCustomKeyStore': audit_DisconnectCustomKeyStoreResponse,
    'EnableKey': _none,
    'EnableKeyRotation': _none,
    'Encrypt': audit_EncryptResponse,
    'GenerateDataKey': audit_GenerateDataKeyResponse,
    'GenerateDataKeyPair': audit_GenerateDataKeyPairResponse,
    'GenerateDataKeyPairWithoutPlaintext': audit_GenerateDataKeyPairWithoutPlaintextResponse,
    'GenerateDataKeyWithoutPlaintext': audit_GenerateDataKeyWithoutPlaintextResponse,
    'GenerateMac': audit_GenerateMacResponse,
    'GenerateRandom': audit_GenerateRandomResponse,
    'GetKeyLastUsage': audit_GetKeyLastUsageResponse,
    'GetKeyPolicy': audit_GetKeyPolicyResponse,
    'GetKeyRotationStatus': audit_GetKeyRotationStatusResponse,
    'GetParametersForImport': audit_GetParametersForImportResponse,
    'GetPublicKey': audit_GetPublicKeyResponse,
    'ImportKeyMaterial': audit_ImportKeyMaterialResponse,
    'ListAliases': audit_ListAliasesResponse,
    'ListGrants': audit_ListGrantsResponse,
    'ListKeyPolicies': audit_ListKeyPoliciesResponse,
    'ListKeyRotations': audit_ListKeyRotationsResponse,
    'ListKeys': audit_ListKeysResponse,
    'ListResourceTags': audit_ListResourceTagsResponse,
    'ListRetirableGrants': audit_ListGrantsResponse,
    'PutKeyPolicy': _none,
    'ReEncrypt': audit_ReEncryptResponse,
    'ReplicateKey': audit_ReplicateKeyResponse,
    'RetireGrant': _none,
    'RevokeGrant': _none,
    'RotateKeyOnDemand': audit_RotateKeyOnDemandResponse,
    'ScheduleKeyDeletion': audit_ScheduleKeyDeletionResponse,
    'Sign': audit_SignResponse,
    'TagResource': _none,
    'UntagResource': _none,
    'UpdateAlias': _none,
    'UpdateCustomKeyStore': audit_UpdateCustomKeyStoreResponse,
    'UpdateKeyDescription': _none,
    'UpdatePrimaryRegion': _none,
    'Verify': audit_VerifyResponse,
    'VerifyMac': audit_VerifyMacResponse,
}
