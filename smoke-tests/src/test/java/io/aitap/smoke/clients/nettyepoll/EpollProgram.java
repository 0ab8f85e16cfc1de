package io.aitap.smoke.clients.nettyepoll;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.util.Version;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * An application on Netty's native epoll transport: reports the Netty it runs on, whether the
 * native library loaded and whether an epoll event loop starts, one {@code REPORT} line each, so a
 * run with the agent can be compared with one without.
 */
public final class EpollProgram {

  private EpollProgram() {}

  public static void main(String[] args) throws InterruptedException {
    System.out.println("REPORT netty-versions " + Version.identify().values().stream()
        .map(version -> version.artifactId() + "=" + version.artifactVersion())
        .sorted()
        .collect(Collectors.joining(",")));
    Throwable cause = Epoll.unavailabilityCause();
    System.out.println("REPORT epoll available=" + Epoll.isAvailable()
        + (cause == null ? "" : " cause=" + cause.toString().replace("\n", "\\n")));
    String group;
    try {
      EventLoopGroup loops = new EpollEventLoopGroup(1);
      loops.shutdownGracefully(0, 0, TimeUnit.SECONDS).await();
      group = "started and stopped";
    } catch (Throwable e) {
      group = "threw " + e;
    }
    System.out.println("REPORT epoll-event-loop-group " + group);
  }
}
