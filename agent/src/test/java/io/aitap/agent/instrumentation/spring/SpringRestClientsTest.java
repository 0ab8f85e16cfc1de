package io.aitap.agent.instrumentation.spring;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aitap.agent.instrumentation.ChildFirstLoader;
import io.aitap.agent.instrumentation.InstrumentedClientTest;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * Spring's RestTemplate and RestClient (Spring 6.2, so Java 17) over HttpClient 5 and OkHttp:
 * exactly one AI call per exchange, with the request and response seen whole. Spring is driven
 * by reflection from a loader of its own, as this module compiles for Java 11.
 */
class SpringRestClientsTest extends InstrumentedClientTest {

  private static final String HTTP_CLIENT_5_FACTORY = "org.springframework.http.client.HttpComponentsClientHttpRequestFactory";
  private static final String OKHTTP_FACTORY = "org.springframework.http.client.OkHttp3ClientHttpRequestFactory";

  @Test
  void restTemplateOverHttpClient5() throws Exception {
    assertExchangeSeen(restTemplatePost(HTTP_CLIENT_5_FACTORY));
  }

  @Test
  void restTemplateOverOkHttp() throws Exception {
    assertExchangeSeen(restTemplatePost(OKHTTP_FACTORY));
  }

  @Test
  void restClientOverHttpClient5() throws Exception {
    assertExchangeSeen(restClientPost(HTTP_CLIENT_5_FACTORY));
  }

  @Test
  void restClientOverOkHttp() throws Exception {
    assertExchangeSeen(restClientPost(OKHTTP_FACTORY));
  }

  private String restTemplatePost(String factoryClass) throws Exception {
    try (ChildFirstLoader loader = springLoader()) {
      Object factory = loader.loadClass(factoryClass).getConstructor().newInstance();
      Class<?> factoryType = loader.loadClass("org.springframework.http.client.ClientHttpRequestFactory");
      Object template =
          loader.loadClass("org.springframework.web.client.RestTemplate").getConstructor(factoryType).newInstance(factory);
      Object request = jsonEntity(loader);
      Method post = template.getClass().getMethod("postForObject", String.class, Object.class, Class.class, Object[].class);
      return (String) post.invoke(template, server.url("/v1/chat/completions"), request, String.class, new Object[0]);
    }
  }

  private String restClientPost(String factoryClass) throws Exception {
    try (ChildFirstLoader loader = springLoader()) {
      Object factory = loader.loadClass(factoryClass).getConstructor().newInstance();
      Class<?> factoryType = loader.loadClass("org.springframework.http.client.ClientHttpRequestFactory");
      Class<?> restClient = loader.loadClass("org.springframework.web.client.RestClient");
      Object builder = restClient.getMethod("builder").invoke(null);
      builder = method(builder, "requestFactory", factoryType).invoke(builder, factory);
      Object client = method(builder, "build").invoke(builder);
      Object spec = method(client, "post").invoke(client);
      spec = method(spec, "uri", String.class, Object[].class).invoke(spec, server.url("/v1/chat/completions"), new Object[0]);
      Class<?> mediaType = loader.loadClass("org.springframework.http.MediaType");
      spec = method(spec, "contentType", mediaType).invoke(spec, mediaType.getField("APPLICATION_JSON").get(null));
      spec = method(spec, "body", Object.class).invoke(spec, REQUEST);
      Object response = method(spec, "retrieve").invoke(spec);
      return (String) method(response, "body", Class.class).invoke(response, String.class);
    }
  }

  private static Object jsonEntity(ClassLoader loader) throws Exception {
    Class<?> headersType = loader.loadClass("org.springframework.http.HttpHeaders");
    Object headers = headersType.getConstructor().newInstance();
    Class<?> mediaType = loader.loadClass("org.springframework.http.MediaType");
    headersType.getMethod("setContentType", mediaType).invoke(headers, mediaType.getField("APPLICATION_JSON").get(null));
    Class<?> multiValueMap = loader.loadClass("org.springframework.util.MultiValueMap");
    return loader.loadClass("org.springframework.http.HttpEntity")
        .getConstructor(Object.class, multiValueMap)
        .newInstance(REQUEST, headers);
  }

  /** The public interface method, as the implementing classes are often not public. */
  private static Method method(Object target, String name, Class<?>... parameters) throws NoSuchMethodException {
    for (Class<?> type : target.getClass().getInterfaces()) {
      try {
        return type.getMethod(name, parameters);
      } catch (NoSuchMethodException notHere) {
        // try the next interface
      }
    }
    return target.getClass().getMethod(name, parameters);
  }

  private static ChildFirstLoader springLoader() {
    assumeTrue(Runtime.version().feature() >= 17, "Spring 6 needs Java 17");
    return new ChildFirstLoader("spring/6");
  }
}
