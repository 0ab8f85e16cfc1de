package io.aitap.smoke.clients.sdk;

/**
 * What the SDK programs ask, with the sampling parameters the test expects on the spans
 * (io.aitap.smoke.AiRequest sends the same in the bodies it writes).
 */
public final class SdkQuestions {

  public static final String CHAT = "What is the capital of France?";
  public static final String SUMMARY = "Summarise the plot of Hamlet in one sentence.";
  public static final String EMBEDDING = "The food was delicious and the waiter was friendly.";
  public static final int MAX_TOKENS = 256;
  public static final double TEMPERATURE = 0.2;
  public static final double TOP_P = 0.9;

  private SdkQuestions() {}
}
