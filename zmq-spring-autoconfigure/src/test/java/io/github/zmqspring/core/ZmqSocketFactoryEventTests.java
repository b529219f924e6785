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

package io.github.zmqspring.core;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import io.github.zmqspring.event.ZmqSocketEvent;
import io.github.zmqspring.event.ZmqSocketEventType;
import io.github.zmqspring.event.ZmqSocketOwner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every socket the factory opens reports its bind, connections, handshakes and
 * disconnections to the factory's listeners, tagged with its owner.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZmqSocketFactoryEventTests {

	private final ZContext context = new ZContext();

	private final List<ZmqSocketEvent> events = new CopyOnWriteArrayList<>();

	private final List<ZmqSocketEvent> ownEvents = new CopyOnWriteArrayList<>();

	private final ZmqSocketFactory factory = new ZmqSocketFactory(this.context, List.of(this.events::add));

	private final ZmqEndpointResolver resolver = new ZmqEndpointResolver(Map.of());

	@AfterEach
	void close() {
		this.context.close();
	}

	@Test
	void bindConnectHandshakeAndDisconnectAreReportedWithTheRealAddress() {
		ZmqSocketOwner serverOwner = ZmqSocketOwner.listener("server", "test server");
		ZMQ.Socket server = this.factory.open(SocketType.ROUTER,
				this.resolver.resolve("@tcp://127.0.0.1:*", SocketType.ROUTER), serverOwner, (bound) -> {
				}, (socket) -> {
				}, this.ownEvents::add);
		String address = server.getLastEndpoint();
		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.getType()).isEqualTo(ZmqSocketEventType.BOUND);
			assertThat(event.getAddress()).isEqualTo(address).doesNotEndWith(":*");
			assertThat(event.getOwner()).isEqualTo(serverOwner);
			assertThat(event.getSocketType()).isEqualTo(SocketType.ROUTER);
			assertThat(event.getEndpoint()).isEqualTo("@tcp://127.0.0.1:*");
		});
		ZmqSocketOwner clientOwner = ZmqSocketOwner.template("client", "test client");
		ZMQ.Socket client = this.factory.open(SocketType.DEALER, this.resolver.resolve(address, SocketType.DEALER),
				clientOwner, (bound) -> {
				});
		await().untilAsserted(() -> assertThat(typesOf(clientOwner)).contains(ZmqSocketEventType.CONNECTED,
				ZmqSocketEventType.HANDSHAKE_SUCCEEDED));
		await().untilAsserted(() -> assertThat(typesOf(serverOwner)).contains(ZmqSocketEventType.ACCEPTED,
				ZmqSocketEventType.HANDSHAKE_SUCCEEDED));
		client.close();
		await().untilAsserted(() -> assertThat(typesOf(serverOwner)).contains(ZmqSocketEventType.DISCONNECTED));
		// the socket's own listener saw its events first, and only its own
		assertThat(this.ownEvents).isNotEmpty()
			.allSatisfy((event) -> assertThat(event.getOwner()).isEqualTo(serverOwner));
		server.close();
	}

	@Test
	void aFailingListenerDoesNotStopEventsOrTheSocket() {
		ZmqSocketFactory failing = new ZmqSocketFactory(this.context, List.of((event) -> {
			throw new IllegalStateException("listener bug");
		}, this.events::add));
		ZMQ.Socket server = failing.open(SocketType.PULL, this.resolver.resolve("@tcp://127.0.0.1:*", SocketType.PULL),
				ZmqSocketOwner.listener("pull", "test puller"), (bound) -> {
				});
		server.setReceiveTimeOut(5000);
		ZMQ.Socket client = this.context.createSocket(SocketType.PUSH);
		client.connect(server.getLastEndpoint());
		client.send("still delivered");
		assertThat(server.recvStr()).isEqualTo("still delivered");
		assertThat(this.events).extracting(ZmqSocketEvent::getType).contains(ZmqSocketEventType.BOUND);
	}

	private List<ZmqSocketEventType> typesOf(ZmqSocketOwner owner) {
		return this.events.stream()
			.filter((event) -> event.getOwner().equals(owner))
			.map(ZmqSocketEvent::getType)
			.toList();
	}

}
