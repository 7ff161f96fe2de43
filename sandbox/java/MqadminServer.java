import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.Permission;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.rocketmq.tools.command.MQAdminStartup;

/**
 * The official mqadmin (MQAdminStartup.main), run again and again in one warm JVM for the tests' oracle
 * (test-support/mqadmin.ts). A fresh mqadmin JVM costs 1.5-5 s of class loading per command; the commands are the
 * same code either way: each builds its own admin client, prints to System.out and shuts the client down.
 *
 * Usage: MqadminServer.java <state dir> <pid file> [idle seconds]. It takes <dir>/mqadmin-server.lock (a second server exits
 * at once), listens on a loopback port and writes "port pid" to <dir>/mqadmin-server.port. A request is one line of
 * UTF-8 arguments separated by NUL; the answer is "exit outLength errLength timedOut\n" then stdout's and stderr's
 * bytes. One command runs at a time, because System.out is one per JVM. System.exit (mqadmin calls it on a bad
 * argument) becomes the answer's exit code. A command that outlives its deadline is answered as timed out and the
 * server halts: its thread still holds System.out. The server also stops after an idle spell.
 */
public class MqadminServer {
  static final class ExitTrap extends Error {
    final int status;

    ExitTrap(int status) {
      super(null, null, false, false);
      this.status = status;
    }
  }

  static final long DEADLINE_MS = 55_000;
  static volatile Thread commandThread;

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Path pidFile = Path.of(args[1]);
    long idleMs = (args.length > 2 ? Long.parseLong(args[2]) : 600) * 1000;
    Files.createDirectories(dir);
    FileChannel lockChannel = FileChannel.open(dir.resolve("mqadmin-server.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock = lockChannel.tryLock();
    if (lock == null) return;
    Files.createDirectories(pidFile.getParent());
    Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");
    trapExit();
    ServerSocket server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    server.setSoTimeout((int) idleMs);
    Path portFile = dir.resolve("mqadmin-server.port");
    Path tmp = dir.resolve("mqadmin-server.port.tmp");
    Files.writeString(tmp, server.getLocalPort() + " " + ProcessHandle.current().pid() + "\n");
    Files.move(tmp, portFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    ExecutorService commands = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "mqadmin-command");
      t.setDaemon(true);
      commandThread = t;
      return t;
    });
    PrintStream out = System.out;
    PrintStream err = System.err;
    for (;;) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (SocketTimeoutException idle) {
        Files.deleteIfExists(portFile);
        Runtime.getRuntime().halt(0);
        return;
      }
      // connections are served one after another: the commands could not run side by side anyway
      try (socket) {
        serve(socket, commands, out, err, portFile);
      } catch (IOException e) {
        err.println("mqadmin-server: " + e);
      }
    }
  }

  @SuppressWarnings("removal")
  static void trapExit() {
    System.setSecurityManager(new SecurityManager() {
      @Override
      public void checkExit(int status) {
        throw new ExitTrap(status);
      }

      @Override
      public void checkPermission(Permission perm) {
      }

      @Override
      public void checkPermission(Permission perm, Object context) {
      }
    });
  }

  static void serve(Socket socket, ExecutorService commands, PrintStream out, PrintStream err, Path portFile) throws IOException {
    InputStream in = socket.getInputStream();
    OutputStream reply = socket.getOutputStream();
    for (;;) {
      String line = readLine(in);
      if (line == null) return;
      String[] argv = line.isEmpty() ? new String[0] : line.split("\u0000", -1);
      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      ByteArrayOutputStream stderr = new ByteArrayOutputStream();
      Future<Integer> done = commands.submit(() -> run(argv, stdout, stderr));
      int exit;
      boolean timedOut = false;
      try {
        exit = awaitCommand(done);
      } catch (TimeoutException e) {
        exit = 124;
        timedOut = true;
      } catch (Exception e) {
        exit = 1;
        e.printStackTrace(new PrintStream(stderr, true));
      }
      byte[] o = stdout.toByteArray();
      byte[] e = stderr.toByteArray();
      reply.write((exit + " " + o.length + " " + e.length + " " + timedOut + "\n").getBytes(StandardCharsets.UTF_8));
      reply.write(o);
      reply.write(e);
      reply.flush();
      if (timedOut) {
        Files.deleteIfExists(portFile);
        System.setOut(out);
        System.setErr(err);
        Runtime.getRuntime().halt(3);
      }
    }
  }

  /**
   * The command's result. Shutting its admin client down joins the client's NettyEventExecutor, which polls its
   * event queue for up to 3 s before it sees it should stop: every other command paid those seconds. The executor
   * is interrupted once the command waits on it, and ends at once (it only hands connection events to listeners,
   * and mqadmin registers none).
   */
  static int awaitCommand(Future<Integer> done) throws Exception {
    long deadline = System.currentTimeMillis() + DEADLINE_MS;
    for (;;) {
      try {
        return done.get(50, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (System.currentTimeMillis() > deadline) throw e;
        if (shuttingDown(commandThread)) {
          for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("NettyEventExecutor")) t.interrupt();
          }
        }
      }
    }
  }

  static boolean shuttingDown(Thread thread) {
    if (thread == null) return false;
    for (StackTraceElement frame : thread.getStackTrace()) {
      if (frame.getMethodName().equals("shutdown") && frame.getClassName().endsWith("NettyRemotingClient")) return true;
    }
    return false;
  }

  static int run(String[] argv, ByteArrayOutputStream stdout, ByteArrayOutputStream stderr) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    Charset charset = Charset.defaultCharset();
    System.setOut(new PrintStream(stdout, true, charset));
    System.setErr(new PrintStream(stderr, true, charset));
    try {
      forgetCommands();
      MQAdminStartup.main(argv);
      return 0;
    } catch (ExitTrap exit) {
      return exit.status;
    } catch (Throwable t) {
      t.printStackTrace();
      return 1;
    } finally {
      System.out.flush();
      System.err.flush();
      System.setOut(out);
      System.setErr(err);
    }
  }

  /** main() registers every subcommand again on each call (SUB_COMMANDS in 5.x, subCommandList in 4.x): start empty. */
  static void forgetCommands() throws IllegalAccessException {
    for (Field f : MQAdminStartup.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && List.class.isAssignableFrom(f.getType())) {
        f.setAccessible(true);
        ((List<?>) f.get(null)).clear();
      }
    }
  }

  static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (;;) {
      int b = in.read();
      if (b < 0) return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
      if (b == '\n') return line.toString(StandardCharsets.UTF_8);
      line.write(b);
    }
  }
}
