"""The action / condition-key catalogue against the KMS API model and IAM's matching rules."""

from __future__ import annotations

import re
from typing import Any

import botocore.session
import pytest

from kmspolicy.language.catalogue import (
    ACTION_INDEX,
    ACTIONS,
    ALL_ACTIONS_MASK,
    CONDITION_KEYS,
    GRANT_OPERATIONS,
    OPERATION_ACTIONS,
    AccessLevel,
    ConditionKeyType,
    ResourceScope,
    action_mask,
    lookup_action,
    lookup_condition_key,
    match_actions,
)


@pytest.fixture(scope="module")
def kms_model() -> Any:
    return botocore.session.get_session().get_service_model("kms")


def _doc_text(model: Any, operation: str) -> str:
    return re.sub(r"<[^>]+>", "", model.operation_model(operation).documentation)


# --- agreement with the KMS API model -------------------------------------------------


def test_every_api_operation_is_catalogued(kms_model: Any) -> None:
    missing = set(kms_model.operation_names) - set(OPERATION_ACTIONS)
    assert not missing, f"operations missing from the catalogue: {sorted(missing)}"


def test_catalogue_has_no_operation_the_api_lacks(kms_model: Any) -> None:
    assert set(OPERATION_ACTIONS) == set(kms_model.operation_names)


def test_operation_actions_are_catalogued_actions() -> None:
    for operation, actions in OPERATION_ACTIONS.items():
        for action in actions:
            assert lookup_action(f"kms:{action}") is not None, (operation, action)


def test_reencrypt_needs_both_halves() -> None:
    assert OPERATION_ACTIONS["ReEncrypt"] == ("ReEncryptFrom", "ReEncryptTo")
    assert lookup_action("kms:ReEncrypt") is None


def test_permission_only_actions_are_not_operations(kms_model: Any) -> None:
    permission_only = {a.name for a in ACTIONS if a.permission_only}
    assert permission_only == {"SynchronizeMultiRegionKey"}
    assert not permission_only & set(kms_model.operation_names)


def test_grant_operations_match_the_api_enum(kms_model: Any) -> None:
    assert list(GRANT_OPERATIONS) == kms_model.shape_for("GrantOperation").enum
    assert {a.name for a in ACTIONS if a.grant_operation} == set(GRANT_OPERATIONS)


def test_cross_account_flag_matches_api_documentation(kms_model: Any) -> None:
    for operation, actions in OPERATION_ACTIONS.items():
        text = _doc_text(kms_model, operation)
        says_yes = re.search(r"Cross-account use\s*:?\s*Yes", text) is not None
        for action in actions:
            info = lookup_action(f"kms:{action}")
            assert info is not None
            assert info.cross_account is says_yes, operation


def test_iam_policy_only_scope_matches_api_documentation(kms_model: Any) -> None:
    for operation, actions in OPERATION_ACTIONS.items():
        text = _doc_text(kms_model, operation)
        required = text.split("Required permissions", 1)[1].split("Related operations", 1)[0]
        iam_only = "(key policy)" not in required and "key policy" not in required
        if operation == "RetireGrant":  # authorised by the grant, not by a policy
            continue
        for action in actions:
            info = lookup_action(f"kms:{action}")
            assert info is not None
            assert (info.scope is ResourceScope.ACCOUNT) is iam_only, operation


# --- the table itself ----------------------------------------------------------------


def test_actions_are_unique_and_in_stable_alphabetical_order() -> None:
    names = [a.name for a in ACTIONS]
    assert names == sorted(names)
    assert len(set(names)) == len(names)


def test_action_index_is_positional_and_lowercase() -> None:
    assert len(ACTION_INDEX) == len(ACTIONS)
    for position, info in enumerate(ACTIONS):
        assert ACTION_INDEX[info.action.lower()] == position
    assert ACTION_INDEX["kms:decrypt"] == [a.name for a in ACTIONS].index("Decrypt")


@pytest.mark.parametrize(
    ("action", "level", "scope"),
    [
        ("kms:CreateKey", AccessLevel.WRITE, ResourceScope.ACCOUNT),
        ("kms:ListKeys", AccessLevel.LIST, ResourceScope.ACCOUNT),
        ("kms:ListAliases", AccessLevel.LIST, ResourceScope.ACCOUNT),
        ("kms:GenerateRandom", AccessLevel.WRITE, ResourceScope.ACCOUNT),
        ("kms:ListRetirableGrants", AccessLevel.LIST, ResourceScope.ACCOUNT),
        ("kms:CreateCustomKeyStore", AccessLevel.WRITE, ResourceScope.ACCOUNT),
        ("kms:Decrypt", AccessLevel.WRITE, ResourceScope.KEY),
        ("kms:DescribeKey", AccessLevel.READ, ResourceScope.KEY),
        ("kms:PutKeyPolicy", AccessLevel.PERMISSIONS_MANAGEMENT, ResourceScope.KEY),
        ("kms:CreateGrant", AccessLevel.PERMISSIONS_MANAGEMENT, ResourceScope.KEY),
        ("kms:TagResource", AccessLevel.TAGGING, ResourceScope.KEY),
        ("kms:CreateAlias", AccessLevel.WRITE, ResourceScope.ALIAS_AND_KEY),
        ("kms:UpdateAlias", AccessLevel.WRITE, ResourceScope.ALIAS_AND_KEY),
    ],
)
def test_access_level_and_scope(action: str, level: AccessLevel, scope: ResourceScope) -> None:
    info = lookup_action(action)
    assert info is not None
    assert (info.access_level, info.scope) == (level, scope)


def test_action_condition_keys_are_catalogued_keys() -> None:
    for info in ACTIONS:
        for key in info.condition_keys:
            found = lookup_condition_key(key if not key.endswith((":", "/")) else key + "x")
            assert found is not None, (info.name, key)


def test_condition_key_actions_are_catalogued_actions() -> None:
    for key in CONDITION_KEYS:
        for action in key.actions or ():
            assert lookup_action(f"kms:{action}") is not None, (key.name, action)


def test_kms_keys_name_their_actions_and_global_keys_may_not() -> None:
    for key in CONDITION_KEYS:
        if key.name.startswith("kms:"):
            assert key.actions, key.name


# --- wildcard expansion ---------------------------------------------------------------


def test_describe_wildcard() -> None:
    assert match_actions("kms:Describe*") == {"kms:DescribeKey", "kms:DescribeCustomKeyStores"}


def test_grant_infix_wildcard() -> None:
    assert match_actions("kms:*Grant*") == {
        "kms:CreateGrant",
        "kms:ListGrants",
        "kms:ListRetirableGrants",
        "kms:RetireGrant",
        "kms:RevokeGrant",
    }


def test_get_wildcard() -> None:
    assert match_actions("kms:Get*") == {
        "kms:GetKeyLastUsage",
        "kms:GetKeyPolicy",
        "kms:GetKeyRotationStatus",
        "kms:GetParametersForImport",
        "kms:GetPublicKey",
    }


def test_reencrypt_wildcard_covers_both_halves() -> None:
    assert match_actions("kms:ReEncrypt*") == {"kms:ReEncryptFrom", "kms:ReEncryptTo"}


def test_generate_data_key_wildcard() -> None:
    assert match_actions("kms:GenerateDataKey*") == {
        "kms:GenerateDataKey",
        "kms:GenerateDataKeyPair",
        "kms:GenerateDataKeyPairWithoutPlaintext",
        "kms:GenerateDataKeyWithoutPlaintext",
    }


@pytest.mark.parametrize("pattern", ["KMS:DECRYPT", "kms:decrypt", "Kms:DeCrYpT", "kms:Decrypt"])
def test_matching_ignores_case(pattern: str) -> None:
    assert match_actions(pattern) == {"kms:Decrypt"}


def test_question_mark_is_exactly_one_character() -> None:
    assert match_actions("kms:?ncrypt") == {"kms:Encrypt"}
    assert match_actions("kms:Encryp?") == {"kms:Encrypt"}
    assert match_actions("kms:Encrypt?") == frozenset()


@pytest.mark.parametrize("pattern", ["*", "kms:*", "KMS:*"])
def test_star_is_every_kms_action(pattern: str) -> None:
    assert match_actions(pattern) == {a.action for a in ACTIONS}
    assert action_mask(pattern) == ALL_ACTIONS_MASK


@pytest.mark.parametrize(
    "pattern", ["s3:*", "s3:GetObject", "iam:*", "Decrypt", "kms:Decrypt ", "", "kms:", "kmsx:*"]
)
def test_other_services_and_malformed_patterns_match_nothing(pattern: str) -> None:
    assert match_actions(pattern) == frozenset()
    assert action_mask(pattern) == 0


def test_regex_metacharacters_are_literal() -> None:
    assert match_actions("kms:Decrypt.") == frozenset()
    assert match_actions("kms:(Decrypt)") == frozenset()
    assert match_actions("kms:[DE]*") == frozenset()


def test_action_mask_bits_follow_action_index() -> None:
    mask = action_mask("kms:ReEncrypt*")
    expected = (1 << ACTION_INDEX["kms:reencryptfrom"]) | (1 << ACTION_INDEX["kms:reencryptto"])
    assert mask == expected
    assert action_mask("kms:Describe*") & action_mask("kms:*Key") == (
        1 << ACTION_INDEX["kms:describekey"]
    )


# --- condition keys --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("kms:EncryptionContext:Department", "kms:EncryptionContext:"),
        ("KMS:ENCRYPTIONCONTEXT:aws:s3:arn", "kms:EncryptionContext:"),
        ("aws:PrincipalTag/team", "aws:PrincipalTag/"),
        ("AWS:principaltag/Team", "aws:PrincipalTag/"),
        ("aws:ResourceTag/env", "aws:ResourceTag/"),
        ("aws:RequestTag/project", "aws:RequestTag/"),
        ("kms:RecipientAttestation:ImageSha384", "kms:RecipientAttestation:"),
        ("kms:RecipientAttestation:PCR0", "kms:RecipientAttestation:"),
    ],
)
def test_prefix_keys(written: str, canonical: str) -> None:
    info = lookup_condition_key(written)
    assert info is not None
    assert info.prefix
    assert info.name == canonical


@pytest.mark.parametrize(
    "name",
    ["kms:EncryptionContext:", "aws:PrincipalTag/", "kms:Nonexistent", "s3:prefix", "", "kms"],
)
def test_unknown_or_bare_prefix_keys_are_not_keys(name: str) -> None:
    assert lookup_condition_key(name) is None


def test_encryption_context_keys_is_not_the_prefix_family() -> None:
    info = lookup_condition_key("kms:EncryptionContextKeys")
    assert info is not None
    assert not info.prefix
    assert info.type is ConditionKeyType.ARRAY_OF_STRING
    assert info.multivalued


@pytest.mark.parametrize(
    ("name", "type_", "multivalued"),
    [
        ("kms:CallerAccount", ConditionKeyType.STRING, False),
        ("kms:ViaService", ConditionKeyType.STRING, False),
        ("kms:GrantIsForAWSResource", ConditionKeyType.BOOL, False),
        ("kms:BypassPolicyLockoutSafetyCheck", ConditionKeyType.BOOL, False),
        ("kms:MultiRegion", ConditionKeyType.BOOL, False),
        ("kms:ReEncryptOnSameKey", ConditionKeyType.BOOL, False),
        ("kms:GrantOperations", ConditionKeyType.ARRAY_OF_STRING, True),
        ("kms:ResourceAliases", ConditionKeyType.ARRAY_OF_STRING, True),
        ("kms:ValidTo", ConditionKeyType.DATE, False),
        ("kms:ScheduleKeyDeletionPendingWindowInDays", ConditionKeyType.NUMERIC, False),
        ("kms:RotationPeriodInDays", ConditionKeyType.NUMERIC, False),
        ("aws:SourceIp", ConditionKeyType.IP_ADDRESS, False),
        ("aws:PrincipalArn", ConditionKeyType.ARN, False),
        ("aws:SourceArn", ConditionKeyType.ARN, False),
        ("aws:CurrentTime", ConditionKeyType.DATE, False),
        ("aws:MultiFactorAuthPresent", ConditionKeyType.BOOL, False),
        ("aws:MultiFactorAuthAge", ConditionKeyType.NUMERIC, False),
        ("aws:SecureTransport", ConditionKeyType.BOOL, False),
        ("aws:TagKeys", ConditionKeyType.ARRAY_OF_STRING, True),
        ("aws:PrincipalOrgPaths", ConditionKeyType.ARRAY_OF_STRING, True),
        ("aws:CalledVia", ConditionKeyType.ARRAY_OF_STRING, True),
        ("aws:PrincipalOrgID", ConditionKeyType.STRING, False),
        ("aws:username", ConditionKeyType.STRING, False),
    ],
)
def test_key_types(name: str, type_: ConditionKeyType, multivalued: bool) -> None:
    info = lookup_condition_key(name)
    assert info is not None
    assert (info.type, info.multivalued) == (type_, multivalued)


def test_key_lookup_ignores_case() -> None:
    assert lookup_condition_key("KMS:VIASERVICE") == lookup_condition_key("kms:ViaService")
    assert lookup_condition_key("aws:UserName") == lookup_condition_key("aws:username")


def test_kms_key_operations() -> None:
    def actions(name: str) -> set[str]:
        info = lookup_condition_key(name)
        assert info is not None and info.actions is not None
        return set(info.actions)

    assert actions("kms:GrantIsForAWSResource") == {"CreateGrant", "ListGrants", "RevokeGrant"}
    assert actions("kms:BypassPolicyLockoutSafetyCheck") == {"CreateKey", "PutKeyPolicy"}
    assert "CreateGrant" in actions("kms:EncryptionContext:x")
    assert "Sign" not in actions("kms:EncryptionContext:x")
    assert {"DescribeKey", "GetPublicKey", "Decrypt"} <= actions("kms:RequestAlias")
    assert "ListKeys" not in actions("kms:KeySpec")
    assert {"CreateKey", "Decrypt", "PutKeyPolicy"} <= actions("kms:KeySpec")
    assert "ListKeys" not in actions("kms:ResourceAliases")


def test_iam_only_keys() -> None:
    only_iam = {k.name for k in CONDITION_KEYS if not k.in_key_policies}
    assert only_iam == {"kms:ResourceAliases", "aws:ResourceTag/"}


def test_deprecated_key_spec_keys_point_at_replacements() -> None:
    info = lookup_condition_key("kms:CustomerMasterKeySpec")
    assert info is not None and info.replaced_by == "kms:KeySpec"
    assert lookup_condition_key(info.replaced_by) is not None


def test_condition_key_names_are_unique() -> None:
    names = [k.name.lower() for k in CONDITION_KEYS]
    assert len(names) == len(set(names))
