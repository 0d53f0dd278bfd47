"""Unit tests for the tarn_* global helpers and the AWS.CloudTrail data model methods.

Run with: python3 detections/global_helpers/tarn_helpers_test.py (plain Python 3.11, no packages needed).
"""

import os
import sys
import unittest
from collections.abc import Mapping
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "data_models"))

# pylint: disable=wrong-import-position
import aws_cloudtrail_data_model as data_model  # noqa: E402
import tarn_aws_helpers as aws  # noqa: E402
import tarn_base_helpers as base  # noqa: E402
import tarn_event_type_helpers as event_type  # noqa: E402


class ReadOnlyMapping(Mapping):
    """Stands in for PantherEvent's nested values, which are Mappings but not dicts."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        value = self._data[key]
        return ReadOnlyMapping(value) if isinstance(value, dict) else value

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)

    def deep_get(self, *keys, default=None):
        return base.deep_get(self, *keys, default=default)


class DeepGetTest(unittest.TestCase):
    def test_follows_nested_keys(self):
        self.assertEqual(base.deep_get({"a": {"b": {"c": 1}}}, "a", "b", "c"), 1)

    def test_returns_default_for_missing_key_or_none_value(self):
        self.assertEqual(base.deep_get({"a": {"b": None}}, "a", "b", default="d"), "d")
        self.assertEqual(base.deep_get({"a": {}}, "a", "x", default="d"), "d")

    def test_stops_at_non_mapping(self):
        self.assertIsNone(base.deep_get({"a": "text"}, "a", "b"))

    def test_walks_read_only_mappings(self):
        self.assertEqual(base.deep_get(ReadOnlyMapping({"a": {"b": 2}}), "a", "b"), 2)


class DeepWalkTest(unittest.TestCase):
    EVENT = {"grants": [{"who": "a"}, {"who": "b"}, {"who": "a"}, {"other": 1}]}

    def test_fans_out_over_lists_and_deduplicates(self):
        self.assertEqual(base.deep_walk(self.EVENT, "grants", "who"), ["a", "b"])

    def test_first_and_last(self):
        self.assertEqual(base.deep_walk(self.EVENT, "grants", "who", return_val="first"), "a")
        self.assertEqual(base.deep_walk(self.EVENT, "grants", "who", return_val="last"), "b")

    def test_single_match_is_returned_unwrapped(self):
        self.assertEqual(base.deep_walk(self.EVENT, "grants", "other"), 1)

    def test_default_when_nothing_matches(self):
        self.assertEqual(base.deep_walk(self.EVENT, "grants", "none", default="d"), "d")


class MappingsTest(unittest.TestCase):
    def test_one_object_becomes_a_list_of_one(self):
        self.assertEqual(base.mappings({"a": 1}), [{"a": 1}])

    def test_keeps_only_the_objects_of_a_list(self):
        found = base.mappings([{"a": 1}, "x", None, ReadOnlyMapping({"b": 2})])
        self.assertEqual([dict(item) for item in found], [{"a": 1}, {"b": 2}])

    def test_scalars_and_none_give_nothing(self):
        for value in (None, "text", 3):
            self.assertEqual(base.mappings(value), [], value)


class UdmActorContextTest(unittest.TestCase):
    def test_reads_actor_source_ip_and_country_through_the_data_model(self):
        class Event:
            def udm(self, key):
                return {"actor_user": "octocat", "source_ip": "198.51.100.4", "country": "NL"}.get(key)

        self.assertEqual(
            base.udm_actor_context(Event()), {"actor": "octocat", "source_ip": "198.51.100.4", "country": "NL"}
        )


class PatternAndNetworkTest(unittest.TestCase):
    def test_pattern_match_is_shell_style_and_case_sensitive(self):
        self.assertTrue(base.pattern_match("platform-admins", "*admin*"))
        self.assertFalse(base.pattern_match("Admins", "admin*"))
        self.assertFalse(base.pattern_match(None, "*"))

    def test_pattern_match_list(self):
        self.assertTrue(base.pattern_match_list("root-ops", ["*admin*", "root*"]))
        self.assertFalse(base.pattern_match_list("developers", ["*admin*", "root*"]))

    def test_ip_in_network(self):
        self.assertTrue(base.is_ip_in_network("10.4.5.6", ["192.168.0.0/16", "10.0.0.0/8"]))
        self.assertFalse(base.is_ip_in_network("203.0.113.77", ["10.0.0.0/8"]))

    def test_ip_in_network_rejects_hostnames(self):
        self.assertFalse(base.is_ip_in_network("cloudformation.amazonaws.com", ["0.0.0.0/0"]))

    def test_internal_ip_covers_private_cgnat_loopback_and_link_local(self):
        for address in ("10.1.2.3", "172.31.255.1", "192.168.0.9", "100.64.0.1", "127.0.0.1", "169.254.169.254",
                        "fd00::1", "fe80::1", "::1"):
            self.assertTrue(base.is_internal_ip(address), address)

    def test_documentation_and_public_addresses_are_not_internal(self):
        for address in ("203.0.113.77", "198.51.100.4", "8.8.8.8", "2001:db8::1", "not-an-ip", None):
            self.assertFalse(base.is_internal_ip(address), address)

    def test_public_ip(self):
        self.assertTrue(base.is_public_ip("8.8.8.8"))
        self.assertFalse(base.is_public_ip("10.0.0.1"))
        self.assertFalse(base.is_public_ip("AWS Internal"))


class ParsingTest(unittest.TestCase):
    def test_parse_glue_timestamp(self):
        self.assertEqual(
            base.parse_timestamp("2024-05-14 09:31:07.123456789"),
            datetime(2024, 5, 14, 9, 31, 7, 123456, tzinfo=timezone.utc),
        )

    def test_parse_rfc3339_with_offset(self):
        self.assertEqual(
            base.parse_timestamp("2024-05-14T11:31:07+02:00"),
            datetime(2024, 5, 14, 9, 31, 7, tzinfo=timezone.utc),
        )

    def test_parse_epoch_millis(self):
        self.assertEqual(base.parse_timestamp(1715679067000), datetime(2024, 5, 14, 9, 31, 7, tzinfo=timezone.utc))

    def test_parse_rejects_garbage(self):
        self.assertIsNone(base.parse_timestamp("yesterday"))

    def test_load_json_accepts_url_encoded_text(self):
        self.assertEqual(base.load_json("%7B%22a%22%3A1%7D"), {"a": 1})
        self.assertEqual(base.load_json("not json", default={}), {})


class AwsHelpersTest(unittest.TestCase):
    ROLE_SESSION = {
        "userIdentity": {
            "type": "AssumedRole",
            "arn": "arn:aws:sts::123456789012:assumed-role/deployer/alice@example.com",
            "sessionContext": {
                "sessionIssuer": {"arn": "arn:aws:iam::123456789012:role/deployer", "userName": "deployer"},
                "attributes": {"mfaAuthenticated": "true"},
            },
        }
    }

    def test_success_requires_no_error(self):
        self.assertTrue(aws.aws_cloudtrail_success({"eventName": "CreateUser"}))
        self.assertFalse(aws.aws_cloudtrail_success({"errorCode": "AccessDenied"}))

    def test_console_failure_is_not_success(self):
        self.assertFalse(aws.aws_cloudtrail_success({"responseElements": {"ConsoleLogin": "Failure"}}))

    def test_actor_name_of_role_session(self):
        self.assertEqual(aws.actor_name(self.ROLE_SESSION), "deployer/alice@example.com")
        self.assertEqual(aws.actor_arn(self.ROLE_SESSION), "arn:aws:iam::123456789012:role/deployer")

    def test_actor_name_of_root_user_and_service(self):
        self.assertEqual(aws.actor_name({"userIdentity": {"type": "Root"}}), "root")
        self.assertEqual(aws.actor_name({"userIdentity": {"type": "IAMUser", "userName": "ci"}}), "ci")
        service = {"userIdentity": {"type": "AWSService", "invokedBy": "ec2.amazonaws.com"}}
        self.assertEqual(aws.actor_name(service), "ec2.amazonaws.com")
        self.assertTrue(aws.is_aws_service(service))

    def test_root_acting_through_a_service_is_not_root(self):
        self.assertFalse(aws.is_root({"userIdentity": {"type": "Root", "invokedBy": "support.amazonaws.com"}}))

    def test_mfa_authenticated_from_session_attributes(self):
        self.assertTrue(aws.mfa_authenticated(self.ROLE_SESSION))
        self.assertFalse(aws.mfa_authenticated({"additionalEventData": {"MFAUsed": "No"}}))

    def test_arn_parts(self):
        self.assertEqual(aws.arn_account_id("arn:aws:iam::999988887777:role/path/x"), "999988887777")
        self.assertEqual(aws.arn_resource_name("arn:aws:iam::999988887777:role/path/x"), "x")
        self.assertIsNone(aws.arn_account_id("not-an-arn"))

    def test_policy_allowing_everything(self):
        self.assertTrue(aws.policy_allows_everything('{"Statement":{"Effect":"Allow","Action":"*:*","Resource":"*"}}'))

    def test_scoped_or_denying_policy_does_not_allow_everything(self):
        scoped = '{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}'
        deny = '{"Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}'
        not_action = '{"Statement":[{"Effect":"Allow","NotAction":"iam:*","Action":"*","Resource":"*"}]}'
        for document in (scoped, deny, not_action, "", None):
            self.assertFalse(aws.policy_allows_everything(document), document)

    def test_statement_principals_and_accounts(self):
        statement = {"Principal": {"AWS": ["arn:aws:iam::999988887777:root", "111122223333"], "Service": "x"}}
        principals = aws.statement_principals(statement)
        self.assertEqual(principals, ["arn:aws:iam::999988887777:root", "111122223333", "x"])
        self.assertEqual([aws.principal_account_id(p) for p in principals], ["999988887777", "111122223333", None])

    def test_rule_context_is_plain_data(self):
        event = ReadOnlyMapping({"eventName": "PutUserPolicy", "requestParameters": {"userName": "a", "x": [1]}})
        context = aws.aws_rule_context(event)
        self.assertEqual(context["requestParameters"], {"userName": "a", "x": [1]})
        self.assertIsInstance(context["requestParameters"], dict)


class AwsCallerHelpersTest(unittest.TestCase):
    CALL = {
        "userIdentity": {"type": "IAMUser", "arn": "arn:aws:iam::123456789012:user/alice"},
        "sourceIPAddress": "198.51.100.4",
        "userAgent": "aws-cli/2.15.0",
        "recipientAccountId": "123456789012",
        "awsRegion": "eu-west-1",
        "requestParameters": {"bucketName": "b"},
    }

    def test_caller_context_names_who_and_where(self):
        self.assertEqual(
            aws.caller_context(self.CALL),
            {
                "actor": "arn:aws:iam::123456789012:user/alice",
                "actor_type": "IAMUser",
                "source_ip": "198.51.100.4",
                "user_agent": "aws-cli/2.15.0",
                "account": "123456789012",
                "region": "eu-west-1",
            },
        )

    def test_caller_arn_keeps_the_session_arn_and_has_a_placeholder(self):
        session = AwsHelpersTest.ROLE_SESSION
        self.assertEqual(aws.caller_arn(session), "arn:aws:sts::123456789012:assumed-role/deployer/alice@example.com")
        self.assertEqual(aws.caller_arn({}), "<unknown actor>")

    def test_account_region(self):
        self.assertEqual(aws.account_region(self.CALL), "123456789012:eu-west-1")

    def test_request_parameters_is_empty_unless_an_object(self):
        self.assertEqual(aws.request_parameters(self.CALL), {"bucketName": "b"})
        self.assertEqual(aws.request_parameters({"requestParameters": None}), {})
        self.assertEqual(aws.request_parameters({"requestParameters": "x"}), {})

    def test_made_by_aws_service_counts_invoked_by_and_service_hosts(self):
        self.assertFalse(aws.made_by_aws_service(self.CALL))
        self.assertTrue(aws.made_by_aws_service({"userIdentity": {"type": "AWSService"}}))
        self.assertTrue(aws.made_by_aws_service({"userIdentity": {"invokedBy": "backup.amazonaws.com"}}))
        self.assertTrue(aws.made_by_aws_service({"sourceIPAddress": "cloudformation.amazonaws.com"}))

    def test_resource_arn_by_type(self):
        event = {"resources": [{"type": "AWS::S3::Bucket", "arn": "s"}, {"type": "AWS::KMS::Key", "arn": "k"}]}
        self.assertEqual(aws.resource_arn(event, "AWS::KMS::Key"), "k")
        self.assertIsNone(aws.resource_arn(event, "AWS::EC2::Instance"))
        self.assertIsNone(aws.resource_arn({"resources": "junk"}, "AWS::KMS::Key"))

    def test_trail_name_from_name_or_arn(self):
        by_arn = {"requestParameters": {"name": "arn:aws:cloudtrail:us-east-1:123456789012:trail/org-trail"}}
        self.assertEqual(aws.trail_name(by_arn), "org-trail")
        self.assertEqual(aws.trail_name({"requestParameters": {"trailName": "org-trail"}}, "trailName"), "org-trail")
        self.assertEqual(aws.trail_name({}), "<unknown trail>")

    def test_grants_everyone_needs_the_group_all(self):
        self.assertTrue(aws.grants_everyone([{"userId": "111122223333"}, {"group": "all"}]))
        self.assertTrue(aws.grants_everyone({"group": "all"}))
        self.assertFalse(aws.grants_everyone([{"userId": "111122223333"}, "all"]))
        self.assertFalse(aws.grants_everyone(None))

    def test_other_accounts_drops_own_empty_and_repeated_ids(self):
        accounts = ["999988887777", "123456789012", "", None, 7, "999988887777", "111122223333"]
        self.assertEqual(aws.other_accounts(self.CALL, accounts), ["999988887777", "111122223333"])


class DataModelTest(unittest.TestCase):
    def test_console_sign_in_event_types(self):
        success = ReadOnlyMapping({"eventName": "ConsoleLogin", "responseElements": {"ConsoleLogin": "Success"}})
        failure = ReadOnlyMapping({"eventName": "ConsoleLogin", "responseElements": {"ConsoleLogin": "Failure"}})
        self.assertEqual(data_model.get_event_type(success), event_type.SUCCESSFUL_LOGIN)
        self.assertEqual(data_model.get_event_type(failure), event_type.FAILED_LOGIN)

    def test_admin_policy_attachment_is_admin_role_assigned(self):
        event = ReadOnlyMapping(
            {
                "eventName": "AttachUserPolicy",
                "requestParameters": {"policyArn": "arn:aws:iam::aws:policy/AdministratorAccess"},
            }
        )
        self.assertEqual(data_model.get_event_type(event), event_type.ADMIN_ROLE_ASSIGNED)
        self.assertEqual(data_model.get_assigned_admin_role(event), "arn:aws:iam::aws:policy/AdministratorAccess")

    def test_failed_identity_change_has_no_event_type(self):
        event = ReadOnlyMapping({"eventName": "CreateUser", "errorCode": "AccessDenied"})
        self.assertIsNone(data_model.get_event_type(event))

    def test_actor_user(self):
        event = ReadOnlyMapping({"userIdentity": {"type": "IAMUser", "userName": "ci-deploy"}})
        self.assertEqual(data_model.get_actor_user(event), "ci-deploy")


if __name__ == "__main__":
    unittest.main()
