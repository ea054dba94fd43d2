package io.smartcarpipeline.sim.fleet;

import io.smartcarpipeline.sim.EnvReader;
import io.smartcarpipeline.sim.SimConfig;
import io.smartcarpipeline.sim.SmartcarApiSim;
import io.smartcarpipeline.sim.vehicle.SimVehicle;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code smartcar-pipeline sim} entry point: the Smartcar API stand-in (port {@code SIM_PORT},
 * 8090) and a simulated fleet on the same vehicles sending signed webhooks to a gateway URL, with a
 * one-line summary every {@code SIM_SUMMARY_INTERVAL} (5s) until stopped. Rule: configuration comes
 * from the environment map only (see {@link SimConfig#fromEnv} and {@link FleetConfig#fromEnv}); a
 * bad value or a failed VERIFY stops the start with a message naming the problem.
 */
public final class SimRunner {

  private static final Logger LOG = LoggerFactory.getLogger(SimRunner.class);

  private SimRunner() {}

  /** The API stand-in and its fleet, running. {@link #close()} stops both. */
  public record Running(SmartcarApiSim sim, RunningFleet fleet) implements AutoCloseable {

    /** The one-line summary: delivery counters plus vehicles charging / plugged / asleep. */
    public String summary() {
      int charging = 0;
      int plugged = 0;
      int asleep = 0;
      for (SimVehicle v : fleet.vehicles()) {
        var s = v.snapshot();
        charging += s.charging() ? 1 : 0;
        plugged += s.pluggedIn() ? 1 : 0;
        asleep += s.asleep() ? 1 : 0;
      }
      return "sim "
          + fleet.stats().summary()
          + " vehicles="
          + fleet.vehicles().size()
          + " charging="
          + charging
          + " plugged="
          + plugged
          + " asleep="
          + asleep;
    }

    @Override
    public void close() {
      try {
        fleet.close();
      } finally {
        sim.close();
      }
    }
  }

  /**
   * Starts the API stand-in and the fleet and returns at once.
   *
   * @throws IllegalArgumentException a bad setting (the message names the key)
   * @throws IllegalStateException the port is taken or VERIFY failed
   */
  public static Running start(Map<String, String> env, String gatewayUrl, int vehicles) {
    FleetConfig fleetConfig = FleetConfig.fromEnv(env, gatewayUrl, vehicles);
    Map<String, String> simEnv = new HashMap<>(env);
    simEnv.remove("SIM_DEMO_VEHICLES");
    SmartcarApiSim sim = SmartcarApiSim.start(SimConfig.fromEnv(simEnv));
    try {
      return new Running(sim, sim.startFleet(fleetConfig));
    } catch (RuntimeException e) {
      sim.close();
      throw e;
    }
  }

  /**
   * Runs until {@code duration} has passed ({@code null}: until the JVM is asked to stop, e.g.
   * Ctrl-C), printing a summary line to {@code out} every {@code SIM_SUMMARY_INTERVAL}, then stops
   * cleanly and prints a final line.
   *
   * @return 0 after a clean stop, 2 when the start failed (the reason is printed to {@code out})
   */
  public static int run(
      Map<String, String> env,
      String gatewayUrl,
      int vehicles,
      Duration duration,
      PrintStream out) {
    Duration every;
    Running running;
    try {
      every = new EnvReader(env).duration("SIM_SUMMARY_INTERVAL", Duration.ofSeconds(5));
      running = start(env, gatewayUrl, vehicles);
    } catch (IllegalArgumentException | IllegalStateException e) {
      out.println("sim_start_failed " + e.getMessage());
      return 2;
    }
    out.println(
        "sim_started api="
            + running.sim().baseUrl()
            + " v3="
            + running.sim().v3Origin()
            + " management="
            + running.sim().managementOrigin()
            + " compatibility="
            + running.sim().compatibilityOrigin()
            + " auto_enroll="
            + running.sim().subscriptions().autoEnroll()
            + " gateway="
            + gatewayUrl
            + " vehicles="
            + vehicles);
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    Thread hook = new Thread(() -> awaitStop(stop, done), "sim-runner-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    ScheduledExecutorService printer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sim-runner-summary");
              t.setDaemon(true);
              return t;
            });
    printer.scheduleAtFixedRate(
        () -> out.println(running.summary()),
        every.toMillis(),
        every.toMillis(),
        TimeUnit.MILLISECONDS);
    try {
      if (duration == null) {
        stop.await();
      } else {
        stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        Runtime.getRuntime().removeShutdownHook(hook);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IllegalStateException e) {
      LOG.debug("sim_runner_shutdown_in_progress");
    } finally {
      printer.shutdownNow();
      running.close();
      out.println("sim_stopped " + running.summary());
      done.countDown();
    }
    return 0;
  }

  /** The shutdown hook: asks the runner to stop and lets the JVM exit only once it has. */
  private static void awaitStop(CountDownLatch stop, CountDownLatch done) {
    stop.countDown();
    try {
      done.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * {@code SimRunner --gateway URL [--vehicles N] [--duration 10m]}, settings from the process
   * environment.
   */
  public static void main(String[] args) {
    String gateway = null;
    int vehicles = 8;
    Duration duration = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--gateway" -> gateway = args[i + 1];
        case "--vehicles" -> vehicles = Integer.parseInt(args[i + 1]);
        case "--duration" -> duration = new EnvReader(Map.of("d", args[i + 1])).duration("d", null);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (gateway == null) {
      System.err.println("usage: SimRunner --gateway URL [--vehicles N] [--duration D]");
      System.exit(64);
    }
    System.exit(run(System.getenv(), gateway, vehicles, duration, System.out));
  }
}
