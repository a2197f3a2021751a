package swatnn.remote;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.rmi.NoSuchObjectException;
import java.rmi.NotBoundException;
import java.rmi.RemoteException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.ExportException;
import java.rmi.server.UnicastRemoteObject;
import weka.experiment.RemoteEngine;

/**
 * A Weka {@link RemoteEngine} (Weka 3.8.6's server that runs the sub-experiments a
 * {@code RemoteExperiment} sends it, one at a time) bound as {@code RemoteEngine} in an RMI
 * registry this class creates on the given port. The engine object itself is exported on the
 * same port, so one open TCP port per engine is all a firewall needs to pass.
 *
 * <p>Unlike {@code weka.experiment.RemoteEngine.main}, no security manager is installed: that
 * one exists only to let RMI download classes from the client's codebase, and here every class
 * an experiment needs (Weka, swatnn, the JDBC driver) is on the engine's own class path. Java
 * 18 and later refuse a security manager unless started with
 * {@code -Djava.security.manager=allow}, and Java 24 and later refuse it altogether, so this
 * engine runs on every Java from 17 on.
 *
 * <p>Sources: {@code weka.experiment.RemoteEngine} and {@code RemoteExperiment} (Weka 3.8.6).
 */
public final class EngineServer implements AutoCloseable {
  /** The name Weka's RemoteExperiment looks up: {@code //host:port/RemoteEngine}. */
  public static final String BINDING = "RemoteEngine";

  private final EngineAddress address;
  private final Registry registry;
  private final RemoteEngine engine;

  private EngineServer(EngineAddress address, Registry registry, RemoteEngine engine) {
    this.address = address;
    this.registry = registry;
    this.engine = engine;
  }

  /**
   * Creates an RMI registry on {@code port} and binds a new RemoteEngine in it.
   *
   * @param port the TCP port of the registry and the engine, 1..65535
   * @param advertisedHost the host name or address clients reach this machine by, written into
   *     the engine's RMI stub ({@code java.rmi.server.hostname}); null for the local host name
   * @return the running engine; it serves until {@link #close} or the end of the JVM
   * @throws IOException if the port is taken or out of range, or the engine cannot be exported
   */
  public static EngineServer start(int port, String advertisedHost) throws IOException {
    if (port < 1 || port > 65535) {
      throw new IOException("bad port " + port + " (1..65535)");
    }
    if (advertisedHost != null) {
      System.setProperty("java.rmi.server.hostname", advertisedHost);
    }
    String host = advertisedHost != null ? advertisedHost : localHostName();
    EngineAddress address = new EngineAddress(host, port);
    Registry registry;
    try {
      registry = LocateRegistry.createRegistry(port);
    } catch (ExportException e) {
      throw new IOException("cannot listen on port " + port + ": it is in use (another engine or"
          + " program); choose another with --port");
    } catch (RemoteException e) {
      throw new IOException("cannot start an RMI registry on port " + port + ": " + e.getMessage());
    }
    RemoteEngine engine = null;
    try {
      engine = new RemoteEngine("//" + address + "/" + BINDING);
      // RemoteEngine exports itself on an anonymous port; move it to the registry's port.
      UnicastRemoteObject.unexportObject(engine, true);
      UnicastRemoteObject.exportObject(engine, port);
      registry.rebind(BINDING, engine);
      return new EngineServer(address, registry, engine);
    } catch (RemoteException e) {
      unexport(engine);
      unexport(registry);
      throw new IOException("cannot export the RemoteEngine on port " + port + ": "
          + e.getMessage());
    }
  }

  /** Where clients reach this engine: the entry for the Experimenter's host list. */
  public EngineAddress address() {
    return address;
  }

  /** Unbinds and unexports the engine and the registry; a running task is abandoned. */
  @Override
  public void close() {
    try {
      registry.unbind(BINDING);
    } catch (RemoteException | NotBoundException e) {
      // already gone
    }
    unexport(engine);
    unexport(registry);
  }

  private static void unexport(java.rmi.Remote r) {
    if (r == null) {
      return;
    }
    try {
      UnicastRemoteObject.unexportObject(r, true);
    } catch (NoSuchObjectException e) {
      // not exported
    }
  }

  private static String localHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
