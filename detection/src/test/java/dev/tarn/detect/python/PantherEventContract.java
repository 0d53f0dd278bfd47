package dev.tarn.detect.python;

import static dev.tarn.detect.python.Packs.*;
import static dev.tarn.detect.python.RuntimeTestSupport.assertPasses;

import dev.tarn.detect.pack.Detection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * PantherEvent semantics (Panther's panther_core), checked from inside detections: each rule asserts one behaviour and
 * returns True, so a failed assertion shows up as the outcome's error with the Python line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PantherEventContract {

  static final String IMPORTS = py(
      "try:",
      "    from collections.abc import Mapping, Sequence",
      "except ImportError:",
      "    from collections import Mapping, Sequence",
      "from panther_core._compat import string_types",
      "from panther_core.immutable import ImmutableList, ImmutableCaseInsensitiveDict");

  static final String EVENT = "{\"eventName\": \"x\", \"nested\": {\"a\": 1, \"Inner\": {\"leaf\": \"v\"}},"
      + " \"list\": [1, {\"b\": 2}], \"text\": \"t\", \"number\": 3, \"flag\": true, \"nothing\": null}";

  RuleRuntime runtime;

  abstract String runtimeName();

  static List<Detection> detections() {
    return List.of(
        rule("Event.CaseInsensitive", py(
            "def rule(event):",
            "    assert event.get('EventName') == 'x'",
            "    assert event['EVENTNAME'] == 'x'",
            "    assert 'eventname' in event and 'EVENTNAME' in event",
            "    assert event.get('missing') is None",
            "    assert event.get('missing', 'd') == 'd'",
            "    assert event.get('missing', default='k') == 'k'",
            "    assert 'missing' not in event",
            "    try:",
            "        event['missing']",
            "        return False",
            "    except KeyError:",
            "        pass",
            "    return event.get('nested').get('INNER').get('LEAF') == 'v'")),
        rule("Event.ExactKeyFirst", py(
            "def rule(event):",
            "    assert event.get('key') == 'lower', event.get('key')",
            "    assert event.get('Key') == 'upper'",
            "    assert event.get('KEY') == 'upper', event.get('KEY')",
            "    return True")),
        rule("Event.Immutable", py(
            "def set_item(target, key):",
            "    try:",
            "        target[key] = 1",
            "    except TypeError:",
            "        return True",
            "    return False",
            "def rule(event):",
            "    assert set_item(event, 'new') and set_item(event.get('nested'), 'a')",
            "    try:",
            "        del event['eventName']",
            "        return False",
            "    except TypeError:",
            "        pass",
            "    try:",
            "        event.get('list').append(3)",
            "        return False",
            "    except AttributeError:",
            "        pass",
            "    return event.get('nested').get('a') == 1 and len(event.get('list')) == 2")),
        rule("Event.Wrappers", IMPORTS + py(
            "def rule(event):",
            "    items, nested = event.get('list'), event.get('nested')",
            "    assert isinstance(items, Sequence) and not isinstance(items, list), type(items)",
            "    assert isinstance(items, ImmutableList)",
            "    assert isinstance(nested, Mapping) and not isinstance(nested, dict), type(nested)",
            "    assert isinstance(nested, ImmutableCaseInsensitiveDict)",
            "    assert isinstance(items[1], Mapping) and not isinstance(items[1], dict)",
            "    assert items == [1, {'b': 2}] and items == (1, {'b': 2})",
            "    assert nested == {'a': 1, 'Inner': {'leaf': 'v'}}",
            "    assert isinstance(event.get('text'), string_types)",
            "    assert event.get('number') == 3 and event.get('flag') is True and event.get('nothing') is None",
            "    assert isinstance(event, Mapping) and not isinstance(event, dict)",
            "    return True")),
        rule("Event.Copies", py(
            "def rule(event):",
            "    copy = event.to_dict()",
            "    assert type(copy) is dict and type(copy['nested']) is dict and type(copy['list']) is list",
            "    copy['nested']['a'] = 5",
            "    copy['list'].append(9)",
            "    assert event.copy() == event.to_dict() != copy",
            "    items = event.get('list').as_list()",
            "    assert type(items) is list and type(items[1]) is dict",
            "    items[1]['b'] = 7",
            "    assert event.get('list')[1]['b'] == 2",
            "    assert event.get('nested').copy() == {'a': 1, 'Inner': {'leaf': 'v'}}",
            "    return event.get('nested').get('a') == 1")),
        rule("Event.JsonEncoder", py(
            "import json",
            "def rule(event):",
            "    text = json.dumps({'n': event.get('nested'), 'l': event.get('list')}, default=event.json_encoder,",
            "                      sort_keys=True)",
            "    assert text == '{\"l\": [1, {\"b\": 2}], \"n\": {\"Inner\": {\"leaf\": \"v\"}, \"a\": 1}}', text",
            "    return True")),
        rule("Event.DeepGet", py(
            "def rule(event):",
            "    assert event.deep_get('outer', 'INNER', 'leaf') == 'v'",
            "    assert event.deep_get('outer', 'missing', default='d') == 'd'",
            "    assert event.deep_get('outer', 'none', default='d') == 'd'",
            "    assert event.deep_get('outer', 'INNER', 'leaf', 'deeper') is None",
            "    assert event.deep_get('list', 'x') is None",
            "    assert event.deep_get('outer', 'inner') == {'leaf': 'v'}",
            "    return True")),
        rule("Event.DeepWalk", py(
            "def rule(event):",
            "    assert event.deep_walk('items', 'name') == ['a', 'b'], event.deep_walk('items', 'name')",
            "    assert event.deep_walk('items', 'name', return_val='first') == 'a'",
            "    assert event.deep_walk('items', 'name', return_val='last') == 'b'",
            "    assert event.deep_walk('one', 'name') == 'solo'",
            "    assert event.deep_walk('groups', 'members') == ['x', 'y', 'z']",
            "    assert event.deep_walk('items', 'missing', default='d') == 'd'",
            "    assert event.deep_walk('solo', 'Name') == 'direct'",
            "    return True")),
        rule("Event.Udm", py(
            "def rule(event):",
            "    assert event.udm('source_ip') == '1.2.3.4', event.udm('source_ip')",
            "    assert event.udm('actor') == 'alice'",
            "    assert event.udm('event_type') == 'login:ok'",
            "    assert event.udm('unmapped') == 'raw'",
            "    assert event.udm('from_p_udm') == 'udm-value'",
            "    assert event.udm('nothing', default='d') == 'd'",
            "    assert event.udm('mapped_missing', default='dflt') == 'dflt'",
            "    assert event.udm('client') == {'ipAddress': '1.2.3.4'}",
            "    assert event.udm_path('source_ip') == 'client.ipAddress', event.udm_path('source_ip')",
            "    assert event.udm_path('actor') == 'userName'",
            "    return True")),
        rule("Event.UdmWithoutDataModel", py(
            "def rule(event):",
            "    assert event.udm('source_ip') == '5.6.7.8', event.udm('source_ip')",
            "    assert event.udm('from_p_udm') == 'udm-value'",
            "    assert event.udm('actor', default='none') == 'none'",
            "    try:",
            "        event.udm_path('source_ip')",
            "        return False",
            "    except Exception as err:",
            "        assert 'data model' in str(err), str(err)",
            "    return True")),
        rule("Event.Lookup", py(
            "def rule(event):",
            "    row = event.lookup('ipinfo', '1.2.3.4')",
            "    assert row == {'country': 'NL'} and not isinstance(row, dict)",
            "    return event.lookup('ipinfo', '9.9.9.9') is None")),
        rule("Event.EventTime", py(
            "def rule(event):",
            "    assert event.event_time_epoch() == 1704164645, event.event_time_epoch()",
            "    return True")),
        rule("Event.EventTimeOffset", py(
            "def rule(event):",
            "    assert event.event_time_epoch() == 1704164645, event.event_time_epoch()",
            "    assert event.event_time_epoch(force_utc=False) == 1704161045",
            "    return True")),
        rule("Event.EventTimeInvalid", py(
            "def rule(event):",
            "    return event.event_time_epoch() == 0")),
        rule("Event.Kwargs", py(
            "def rule(event):",
            "    try:",
            "        event.deep_get('a', defualt=1)",
            "        return False",
            "    except TypeError as err:",
            "        return 'defualt' in str(err)")));
  }

  @BeforeAll
  void start() {
    runtime = RuntimeTestSupport.create(runtimeName(), pack(detections(),
        List.of(dataModel("Test.DataModel", List.of("Test.Log"), List.of(path("source_ip", "$.client.ipAddress"),
            path("actor", "userName"), method("event_type", "get_event_type"),
            path("mapped_missing", "$.not.there"), path("client", "client")),
            py("def get_event_type(event):", "    return 'login:' + event.get('action')"))),
        List.of()), RuntimeOptions.defaults(new ScratchKvStore()));
  }

  @AfterAll
  void stop() {
    runtime.close();
  }

  @Test
  void keyLookupIsExactThenCaseInsensitive() {
    assertPasses(runtime, "Event.CaseInsensitive", EVENT, "Test.Log");
  }

  @Test
  void eventAndNestedValuesAreImmutable() {
    assertPasses(runtime, "Event.Immutable", EVENT, "Test.Log");
  }

  @Test
  void nestedValuesAreSequencesAndMappingsButNotListsOrDicts() {
    assertPasses(runtime, "Event.Wrappers", EVENT, "Test.Log");
  }

  @Test
  void copiesAreDeepAndMutable() {
    assertPasses(runtime, "Event.Copies", EVENT, "Test.Log");
  }

  @Test
  void jsonEncoderWritesWrappersAsTheirContents() {
    assertPasses(runtime, "Event.JsonEncoder", EVENT, "Test.Log");
  }

  @Test
  void deepGetFallsBackToTheDefault() {
    assertPasses(runtime, "Event.DeepGet",
        "{\"outer\": {\"inner\": {\"leaf\": \"v\"}, \"none\": null}, \"list\": [1]}", "Test.Log");
  }

  @Test
  void deepWalkFansOutOverListsAndKeepsFirstSeenOrder() {
    assertPasses(runtime, "Event.DeepWalk", "{\"items\": [{\"name\": \"a\"}, {\"name\": \"b\"}, {\"name\": \"a\"},"
        + " {\"other\": 1}], \"groups\": [{\"members\": [\"x\", \"y\"]}, {\"members\": [\"y\", \"z\"]}],"
        + " \"one\": [{\"name\": \"solo\"}], \"solo\": {\"name\": \"direct\"}}", "Test.Log");
  }

  @Test
  void udmResolvesPathAndMethodMappingsAndFallsBack() {
    assertPasses(runtime, "Event.Udm", "{\"client\": {\"ipAddress\": \"1.2.3.4\"}, \"userName\": \"alice\","
        + " \"action\": \"ok\", \"unmapped\": \"raw\", \"p_udm\": {\"from_p_udm\": \"udm-value\"}}", "Test.Log");
  }

  @Test
  void udmWithoutDataModelReadsPUdmThenTheRawField() {
    assertPasses(runtime, "Event.UdmWithoutDataModel", "{\"source_ip\": \"5.6.7.8\", \"userName\": \"alice\","
        + " \"p_udm\": {\"from_p_udm\": \"udm-value\"}}", "Other.Log");
  }

  @Test
  void lookupReadsMockedLookupData() {
    assertPasses(runtime, "Event.Lookup",
        "{\"_mocked_lookup_data_\": {\"ipinfo\": {\"1.2.3.4\": {\"country\": \"NL\"}}}}", "Test.Log");
  }

  @Test
  void eventTimeEpochParsesPantherTimestamps() {
    assertPasses(runtime, "Event.EventTime", "{\"p_event_time\": \"2024-01-02 03:04:05.123456789\"}", "Test.Log");
  }

  @Test
  void eventTimeEpochHonoursOffsetsOnlyWhenNotForcedToUtc() {
    assertPasses(runtime, "Event.EventTimeOffset", "{\"p_event_time\": \"2024-01-02T03:04:05+01:00\"}", "Test.Log");
  }

  @Test
  void eventTimeEpochIsZeroWhenUnparseable() {
    assertPasses(runtime, "Event.EventTimeInvalid", "{\"p_event_time\": \"yesterday\"}", "Test.Log");
  }

  @Test
  void helperMethodsRejectUnknownKeywordArguments() {
    assertPasses(runtime, "Event.Kwargs", EVENT, "Test.Log");
  }
}
