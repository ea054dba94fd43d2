package io.smartcarpipeline.fleetsync.sync;

import io.smartcarpipeline.events.ConnectionStatus;
import io.smartcarpipeline.events.VehicleConnection;
import io.smartcarpipeline.smartcar.fleet.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Merges a complete connections listing into the known records (plain Java): a listed vehicle is
 * CONNECTED with what Smartcar listed (a field Smartcar left out keeps its known value); a known
 * CONNECTED vehicle that is not listed becomes DISCONNECTED. Only a complete listing may be merged:
 * a vehicle missing from a partial one is not gone.
 */
public final class ConnectionMerge {

  private ConnectionMerge() {}

  /**
   * @param records every record to write (listed vehicles, and newly disconnected ones)
   * @param connected vehicles newly connected, or connected again
   * @param disconnected vehicles newly marked DISCONNECTED
   * @param updated known connected vehicles whose listed attributes changed
   */
  public record Result(
      List<VehicleConnection> records,
      List<VehicleConnection> connected,
      List<VehicleConnection> disconnected,
      int updated) {}

  public static Result merge(
      Collection<VehicleConnection> known, List<Connection> listed, Instant now) {
    Map<String, VehicleConnection> byId = new HashMap<>();
    known.forEach(c -> byId.put(c.getVehicleId(), c));
    List<VehicleConnection> records = new ArrayList<>();
    List<VehicleConnection> connected = new ArrayList<>();
    List<VehicleConnection> disconnected = new ArrayList<>();
    int updated = 0;
    Map<String, Connection> listedById = new HashMap<>();
    for (Connection c : listed) {
      listedById.putIfAbsent(c.vehicleId(), c); // a vehicle listed twice counts once
    }
    for (Connection c : listedById.values()) {
      VehicleConnection before = byId.get(c.vehicleId());
      VehicleConnection after = listedRecord(before, c, now);
      records.add(after);
      if (before == null || before.getStatus() == ConnectionStatus.DISCONNECTED) {
        connected.add(after);
      } else if (!sameListing(before, after)) {
        updated++;
      }
    }
    for (VehicleConnection before : known) {
      if (before.getStatus() == ConnectionStatus.CONNECTED
          && !listedById.containsKey(before.getVehicleId())) {
        VehicleConnection after =
            VehicleConnection.newBuilder(before)
                .setStatus(ConnectionStatus.DISCONNECTED)
                .setDisconnectedAt(now)
                .setLastSyncedAt(now)
                .build();
        records.add(after);
        disconnected.add(after);
      }
    }
    return new Result(records, connected, disconnected, updated);
  }

  private static VehicleConnection listedRecord(
      VehicleConnection before, Connection c, Instant now) {
    VehicleConnection.Builder b =
        before == null
            ? VehicleConnection.newBuilder().setVehicleId(c.vehicleId())
            : VehicleConnection.newBuilder(before);
    return b.setUserId(pick(c.userId(), before == null ? null : before.getUserId()))
        .setMake(pick(c.make(), before == null ? null : before.getMake()))
        .setModel(pick(c.model(), before == null ? null : before.getModel()))
        .setYear(pick(c.year(), before == null ? null : before.getYear()))
        .setMode(pick(c.mode(), before == null ? null : before.getMode()))
        .setConnectedAt(pick(c.connectedAt(), before == null ? null : before.getConnectedAt()))
        .setStatus(ConnectionStatus.CONNECTED)
        .setDisconnectedAt(null)
        .setLastSyncedAt(now)
        .build();
  }

  private static boolean sameListing(VehicleConnection a, VehicleConnection b) {
    return Objects.equals(a.getUserId(), b.getUserId())
        && Objects.equals(a.getMake(), b.getMake())
        && Objects.equals(a.getModel(), b.getModel())
        && Objects.equals(a.getYear(), b.getYear())
        && Objects.equals(a.getMode(), b.getMode())
        && Objects.equals(millis(a.getConnectedAt()), millis(b.getConnectedAt()));
  }

  /** The record keeps milliseconds (timestamp-millis); a listing may carry more. */
  private static Instant millis(Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.MILLIS);
  }

  private static <T> T pick(T listed, T known) {
    return listed != null ? listed : known;
  }
}
