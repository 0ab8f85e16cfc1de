package io.aitap.smoke.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every rule file Prometheus loads from {@code deploy/prometheus/rules/} (the glob
 * {@code prometheus.yml} names), and copies of them that a test can watch within seconds.
 */
final class RuleFiles {

  static final Path RULES = Paths.get("../deploy/prometheus/rules").toAbsolutePath().normalize();
  static final String GLOB_SUFFIX = ".rules.yml";

  private static final Pattern RECORD = Pattern.compile("(?m)^\\s*-?\\s*record:\\s*[\"']?([^\"'\\s#]+)");
  private static final Pattern ALERT = Pattern.compile("(?m)^\\s*-?\\s*alert:\\s*[\"']?([^\"'\\s#]+)");
  private static final Pattern FOR = Pattern.compile("(?m)^(\\s*-?\\s*)for:\\s*\\S+");
  private static final Pattern GROUP_INTERVAL = Pattern.compile("(?m)^(\\s*-?\\s*)interval:\\s*\\S+");

  private RuleFiles() {}

  static List<Path> all() {
    try (Stream<Path> files = Files.list(RULES)) {
      return files.filter(file -> file.getFileName().toString().endsWith(GLOB_SUFFIX)).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The series the recording rules of every file record, each once. */
  static List<String> recordedSeries() {
    return names(RECORD).stream().distinct().collect(Collectors.toList());
  }

  static int recordingRules() {
    return names(RECORD).size();
  }

  static List<String> alertNames() {
    return names(ALERT);
  }

  /**
   * Copies every rule file into {@code directory} with each alert's {@code for:} at 0s and each
   * group evaluated every second, so alerts reach Prometheus' alert list as soon as their
   * expressions hold. Everything else, expressions and windows included, stays as deployed.
   */
  static List<Path> copyEvaluatedEverySecond(Path directory) {
    List<Path> copies = new ArrayList<>();
    for (Path file : all()) {
      copies.add(copyEvaluatedEverySecond(file, directory.resolve(file.getFileName())));
    }
    return copies;
  }

  /** Copies one rule file to {@code copy} with each alert's {@code for:} at 0s and each group evaluated every second. */
  static Path copyEvaluatedEverySecond(Path file, Path copy) {
    try {
      String rules = Files.readString(file, StandardCharsets.UTF_8);
      rules = FOR.matcher(rules).replaceAll("$1for: 0s");
      rules = GROUP_INTERVAL.matcher(rules).replaceAll("$1interval: 1s");
      return Files.writeString(copy, rules, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> names(Pattern pattern) {
    List<String> names = new ArrayList<>();
    try {
      for (Path file : all()) {
        Matcher matcher = pattern.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (matcher.find()) {
          names.add(matcher.group(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }
}
