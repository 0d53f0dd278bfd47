package dev.tarn.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Glue Data Catalog on loopback speaking Glue's JSON 1.1 protocol (POST /, X-Amz-Target: AWSGlue.&lt;Operation&gt;),
 * keeping databases and tables in memory and recording every request, for gluesync's contract tests. Answers as
 * Glue does: errors as HTTP 400 with {@code {"__type": "EntityNotFoundException", "message": ...}}, table names
 * lower-cased, GetTables paged with NextToken.
 */
public final class FakeGlue implements AutoCloseable {
  /** One request: the operation (GetTables) and its JSON body. */
  record Request(String operation, JsonNode body) {
    @Override
    public String toString() {
      return operation;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final int pageSize;
  private final Map<String, ObjectNode> databases = new ConcurrentHashMap<>();
  private final Map<String, Map<String, ObjectNode>> tables = new ConcurrentHashMap<>();
  private final List<Request> requests = new ArrayList<>();
  private final Set<String> denied = ConcurrentHashMap.newKeySet();

  public FakeGlue(int pageSize) throws IOException {
    this.pageSize = pageSize;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Answers the operation with AccessDeniedException from now on. */
  void deny(String operation) {
    denied.add(operation);
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  synchronized void clearRequests() {
    requests.clear();
  }

  /** The stored table (Glue's Table shape), or null. */
  JsonNode table(String database, String name) {
    return tables.getOrDefault(database, Map.of()).get(name.toLowerCase());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
      if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith("AWSGlue.")) {
        respond(exchange, 400, error("UnknownOperationException", "not a Glue request"));
        return;
      }
      String operation = target.substring("AWSGlue.".length());
      synchronized (this) {
        requests.add(new Request(operation, body));
      }
      if (denied.contains(operation)) {
        respond(exchange, 400, error("AccessDeniedException",
            "User is not authorized to perform: glue:" + operation));
        return;
      }
      Answer answer = answer(operation, body);
      respond(exchange, answer.status(), answer.body());
    }
  }

  private record Answer(int status, JsonNode body) {}

  private Answer answer(String operation, JsonNode body) {
    switch (operation) {
      case "GetDatabase": {
        ObjectNode db = databases.get(body.path("Name").asText());
        return db == null ? notFound("Database " + body.path("Name").asText() + " not found.")
            : ok(JSON.createObjectNode().set("Database", db));
      }
      case "CreateDatabase": {
        ObjectNode input = (ObjectNode) body.path("DatabaseInput");
        String name = input.path("Name").asText().toLowerCase();
        if (databases.putIfAbsent(name, input.deepCopy().put("Name", name)) != null) {
          return new Answer(400, error("AlreadyExistsException", "Database already exists."));
        }
        tables.put(name, new TreeMap<>());
        return ok(JSON.createObjectNode());
      }
      case "GetTables": {
        Map<String, ObjectNode> db = tables.get(body.path("DatabaseName").asText());
        if (db == null) {
          return notFound("Database " + body.path("DatabaseName").asText() + " not found.");
        }
        List<ObjectNode> all = new ArrayList<>(db.values());
        int from = body.hasNonNull("NextToken") ? Integer.parseInt(body.path("NextToken").asText()) : 0;
        int to = Math.min(all.size(), from + pageSize);
        ObjectNode page = JSON.createObjectNode();
        ArrayNode list = page.putArray("TableList");
        all.subList(from, to).forEach(list::add);
        if (to < all.size()) {
          page.put("NextToken", Integer.toString(to));
        }
        return ok(page);
      }
      case "GetTable": {
        JsonNode table = table(body.path("DatabaseName").asText(), body.path("Name").asText());
        return table == null ? notFound("Table " + body.path("Name").asText() + " not found.")
            : ok(JSON.createObjectNode().set("Table", table));
      }
      case "CreateTable":
      case "UpdateTable": {
        String database = body.path("DatabaseName").asText();
        Map<String, ObjectNode> db = tables.get(database);
        if (db == null) {
          return notFound("Database " + database + " not found.");
        }
        ObjectNode table = ((ObjectNode) body.path("TableInput")).deepCopy();
        String name = table.path("Name").asText().toLowerCase();
        table.put("Name", name).put("DatabaseName", database);
        boolean exists = db.containsKey(name);
        if (operation.equals("CreateTable") && exists) {
          return new Answer(400, error("AlreadyExistsException", "Table already exists."));
        }
        if (operation.equals("UpdateTable") && !exists) {
          return notFound("Table " + name + " not found.");
        }
        db.put(name, table);
        return ok(JSON.createObjectNode());
      }
      default:
        return new Answer(400, error("InvalidInputException", "operation " + operation + " not supported here"));
    }
  }

  private static Answer ok(JsonNode body) {
    return new Answer(200, body);
  }

  private static Answer notFound(String message) {
    return new Answer(400, error("EntityNotFoundException", message));
  }

  private static JsonNode error(String type, String message) {
    return JSON.createObjectNode().put("__type", type).put("message", message);
  }

  private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    exchange.getResponseHeaders().set("x-amzn-RequestId", "fake-" + System.nanoTime());
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
