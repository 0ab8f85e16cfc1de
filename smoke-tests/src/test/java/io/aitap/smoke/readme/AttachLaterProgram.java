package io.aitap.smoke.readme;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A service aitap is attached to while it runs: it calls the provider once before (so the HTTP
 * client's classes are loaded already when aitap arrives), says it is ready, waits for a line on
 * stdin, then makes its AI calls and exits.
 * Arguments: the chat completions URL, the number of calls after the line.
 */
public final class AttachLaterProgram {

  private AttachLaterProgram() {}

  public static void main(String[] args) throws Exception {
    URI uri = URI.create(args[0]);
    int calls = Integer.parseInt(args[1]);
    HttpClient client = HttpClient.newHttpClient();
    call(client, uri);
    System.out.println("ready " + ProcessHandle.current().pid());
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    for (int i = 0; i < calls; i++) {
      call(client, uri);
    }
    System.out.println("done");
  }

  private static void call(HttpClient client, URI uri) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
        .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("status " + response.statusCode());
    }
  }
}
