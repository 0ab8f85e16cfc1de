package io.aitap.smoke.deploy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSocket;

/**
 * A mail submission server on 127.0.0.1 that speaks just enough SMTP for a real client: EHLO,
 * STARTTLS (with a {@link LoopbackCertificate}), AUTH PLAIN, MAIL, RCPT, DATA, QUIT. It refuses
 * mail before TLS and authentication, as submission servers do, and records every message with
 * the credentials it came with.
 *
 * <p>Written here rather than taken from a test library: GreenMail, the usual choice, offers no
 * STARTTLS, and Alertmanager requires it unless its configuration turns TLS off.
 */
final class SmtpReceiver implements AutoCloseable {

  /** One message as submitted: the credentials, the envelope and the DATA, dot-unstuffed. */
  static final class Mail {
    final String user;
    final String password;
    final String from;
    final List<String> to;
    final String data;

    Mail(String user, String password, String from, List<String> to, String data) {
      this.user = user;
      this.password = password;
      this.from = from;
      this.to = to;
      this.data = data;
    }

    /** The body as a reader sees it: quoted-printable parts decoded. */
    String decoded() {
      return QuotedPrintable.decode(data);
    }

    @Override
    public String toString() {
      return "mail from " + from + " to " + to + ":\n" + data;
    }
  }

  private final ServerSocket server;
  private final LoopbackCertificate certificate;
  private final List<Mail> mails = new CopyOnWriteArrayList<>();
  private final List<String> errors = new CopyOnWriteArrayList<>();

  SmtpReceiver(LoopbackCertificate certificate) throws IOException {
    this.certificate = certificate;
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "smtp-receiver");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** host:port, as Alertmanager's {@code smtp_smarthost} takes it. */
  String smarthost() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  List<Mail> mails() {
    return new ArrayList<>(mails);
  }

  /** What went wrong in sessions so far (a client that broke off, a command out of order), for a failure message. */
  List<String> errors() {
    return new ArrayList<>(errors);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Thread session = new Thread(() -> serve(socket), "smtp-session");
        session.setDaemon(true);
        session.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket plain) {
    Socket socket = plain;
    try {
      Session session = new Session(socket);
      session.reply("220 127.0.0.1 ESMTP aitap test receiver");
      boolean tls = false;
      String user = null;
      String password = null;
      String from = null;
      List<String> to = new ArrayList<>();
      String line;
      while ((line = session.in.readLine()) != null) {
        String command = line.toUpperCase(Locale.ROOT);
        if (command.startsWith("EHLO") || command.startsWith("HELO")) {
          session.reply(tls ? "250-127.0.0.1\r\n250-AUTH PLAIN\r\n250 8BITMIME" : "250-127.0.0.1\r\n250-STARTTLS\r\n250 8BITMIME");
        } else if (command.equals("STARTTLS") && !tls) {
          session.reply("220 2.0.0 ready to start TLS");
          SSLSocket secure = (SSLSocket) certificate.serverContext().getSocketFactory()
              .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
          secure.setUseClientMode(false);
          secure.startHandshake();
          socket = secure;
          session = new Session(socket);
          tls = true;
        } else if (command.startsWith("AUTH PLAIN ") && tls) {
          String[] parts = new String(Base64.getDecoder().decode(line.substring("AUTH PLAIN ".length()).trim()),
              StandardCharsets.UTF_8).split("\0", -1);
          user = parts[1];
          password = parts[2];
          session.reply("235 2.7.0 authenticated");
        } else if (command.startsWith("MAIL FROM:") && user != null) {
          from = address(line);
          to.clear();
          session.reply("250 2.1.0 ok");
        } else if (command.startsWith("RCPT TO:") && from != null) {
          to.add(address(line));
          session.reply("250 2.1.5 ok");
        } else if (command.equals("DATA") && !to.isEmpty()) {
          session.reply("354 end with <CRLF>.<CRLF>");
          mails.add(new Mail(user, password, from, List.copyOf(to), session.data()));
          from = null;
          session.reply("250 2.0.0 queued");
        } else if (command.equals("RSET") || command.equals("NOOP")) {
          from = null;
          session.reply("250 2.0.0 ok");
        } else if (command.equals("QUIT")) {
          session.reply("221 2.0.0 bye");
          return;
        } else {
          errors.add("refused: " + line);
          session.reply(tls ? "503 5.5.1 bad sequence of commands" : "530 5.7.0 must issue a STARTTLS command first");
        }
      }
    } catch (IOException | RuntimeException e) {
      errors.add(e.toString());
    } finally {
      try {
        socket.close();
      } catch (IOException e) {
        errors.add(e.toString());
      }
    }
  }

  private static String address(String line) {
    int open = line.indexOf('<');
    int close = line.indexOf('>', open);
    return open >= 0 && close > open ? line.substring(open + 1, close) : line.substring(line.indexOf(':') + 1).trim();
  }

  /** The reader and writer of one connection, plain or (after STARTTLS) encrypted. */
  private static final class Session {
    final BufferedReader in;
    final OutputStream out;

    Session(Socket socket) throws IOException {
      in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      out = socket.getOutputStream();
    }

    void reply(String text) throws IOException {
      out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    /** The lines up to the lone dot, with the leading dot of each dot-stuffed line removed. */
    String data() throws IOException {
      StringBuilder data = new StringBuilder();
      String line;
      while ((line = in.readLine()) != null && !line.equals(".")) {
        data.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
      }
      return data.toString();
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
