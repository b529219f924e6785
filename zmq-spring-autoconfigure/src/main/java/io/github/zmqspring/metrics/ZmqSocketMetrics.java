/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.zmqspring.metrics;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import io.github.zmqspring.event.ZmqSocketEvent;
import io.github.zmqspring.event.ZmqSocketEventListener;
import io.github.zmqspring.event.ZmqSocketEventType;
import io.github.zmqspring.event.ZmqSocketOwner;
import io.github.zmqspring.guard.DropReason;
import io.github.zmqspring.security.RefusalReason;

/**
 * Counts socket events in Micrometer, tagged with the owner of the socket
 * ({@code owner.kind}, {@code owner.name}) and the {@code event}:
 * <ul>
 * <li>{@code zmq.socket.connections}: connections made ({@code connected}) or accepted
 * ({@code accepted}),</li>
 * <li>{@code zmq.socket.disconnections}: connections lost or closed by the peer,</li>
 * <li>{@code zmq.socket.reconnects}: connect attempts scheduled again,</li>
 * <li>{@code zmq.socket.handshake.failures}: ZMTP handshakes that failed,</li>
 * <li>{@code zmq.socket.bind.failures}: binds ({@code bind_failed}) and accepts
 * ({@code accept_failed}) that failed.</li>
 * </ul>
 * Events are rare, so the counters are looked up in a map per event; the listener never
 * blocks JeroMQ's I/O thread it is called on.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqSocketMetrics implements ZmqSocketEventListener {

	private final MeterRegistry registry;

	private final Map<Key, Counter> counters = new ConcurrentHashMap<>();

	/**
	 * Create a listener that counts into the given registry.
	 * @param registry the registry
	 */
	public ZmqSocketMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onSocketEvent(ZmqSocketEvent event) {
		String name = meterName(event.getType());
		if (name == null) {
			return;
		}
		ZmqSocketOwner owner = event.getOwner();
		String reason = switch (event.getType()) {
			case PEER_DROPPED -> DropReason.of(event.getValue()).tagValue();
			case PEER_REFUSED -> RefusalReason.of(event.getValue()).tagValue();
			default -> null;
		};
		Key key = new Key(owner.kind(), owner.name(), event.getType(), reason);
		this.counters.computeIfAbsent(key, (missing) -> register(name, missing)).increment();
	}

	private Counter register(String name, Key key) {
		Counter.Builder builder = Counter.builder(name)
			.description(description(key.type()))
			.tag("owner.kind", key.kind().tagValue())
			.tag("owner.name", key.name())
			.tag("event", key.type().name().toLowerCase(Locale.ROOT));
		if (key.reason() != null) {
			builder.tag("reason", key.reason());
		}
		return builder.register(this.registry);
	}

	private static @Nullable String meterName(ZmqSocketEventType type) {
		return switch (type) {
			case CONNECTED, ACCEPTED -> "zmq.socket.connections";
			case DISCONNECTED -> "zmq.socket.disconnections";
			case CONNECT_RETRIED -> "zmq.socket.reconnects";
			case HANDSHAKE_FAILED -> "zmq.socket.handshake.failures";
			case BIND_FAILED, ACCEPT_FAILED -> "zmq.socket.bind.failures";
			case PEER_DROPPED -> "zmq.socket.peers.dropped";
			case PEER_REFUSED -> "zmq.socket.peers.refused";
			default -> null;
		};
	}

	private static String description(ZmqSocketEventType type) {
		return switch (type) {
			case CONNECTED, ACCEPTED -> "Connections the socket made or accepted";
			case DISCONNECTED -> "Connections the socket lost";
			case CONNECT_RETRIED -> "Connect attempts the socket scheduled again";
			case HANDSHAKE_FAILED -> "ZMTP handshakes that failed";
			case PEER_DROPPED -> "Connections dropped for breaking a receive limit or not completing the handshake";
			case PEER_REFUSED -> "Handshakes refused for an unknown client key, wrong credentials or a denied address";
			default -> "Binds or accepts that failed";
		};
	}

	private record Key(ZmqSocketOwner.Kind kind, String name, ZmqSocketEventType type, @Nullable String reason) {
	}

}
