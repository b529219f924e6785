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

package io.github.zmqspring.event;

import org.springframework.context.ApplicationEvent;
import org.zeromq.SocketType;

/**
 * A socket bound, connected, disconnected, failed a handshake, and so on. Published as an
 * application event from a dedicated thread (never from JeroMQ's I/O thread, which a slow
 * listener would stall); the metrics see every event as it happens.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqSocketEvent extends ApplicationEvent {

	private final ZmqSocketOwner owner;

	private final String endpoint;

	private final SocketType socketType;

	private final ZmqSocketEventType type;

	private final String address;

	private final int value;

	/**
	 * Create an event.
	 * @param owner the component the socket belongs to
	 * @param endpoint the endpoint name (the addresses as written when given inline)
	 * @param socketType the socket type
	 * @param type what happened
	 * @param address the address concerned (for {@code BOUND}, the real address)
	 * @param value JeroMQ's event value: an error code for failures, the reconnect
	 * interval in ms for {@code CONNECT_RETRIED}, the ZMTP version for
	 * {@code HANDSHAKE_SUCCEEDED}, else 0
	 */
	public ZmqSocketEvent(ZmqSocketOwner owner, String endpoint, SocketType socketType, ZmqSocketEventType type,
			String address, int value) {
		super(owner);
		this.owner = owner;
		this.endpoint = endpoint;
		this.socketType = socketType;
		this.type = type;
		this.address = address;
		this.value = value;
	}

	/**
	 * Return the component the socket belongs to.
	 * @return the owner
	 */
	public ZmqSocketOwner getOwner() {
		return this.owner;
	}

	/**
	 * Return the endpoint name.
	 * @return the endpoint
	 */
	public String getEndpoint() {
		return this.endpoint;
	}

	/**
	 * Return the socket type.
	 * @return the type of the socket
	 */
	public SocketType getSocketType() {
		return this.socketType;
	}

	/**
	 * Return what happened.
	 * @return the event type
	 */
	public ZmqSocketEventType getType() {
		return this.type;
	}

	/**
	 * Return the address concerned.
	 * @return the address
	 */
	public String getAddress() {
		return this.address;
	}

	/**
	 * Return JeroMQ's event value: an error code for failures, the reconnect interval in
	 * milliseconds for {@code CONNECT_RETRIED}, the ZMTP version for
	 * {@code HANDSHAKE_SUCCEEDED}, else 0.
	 * @return the value
	 */
	public int getValue() {
		return this.value;
	}

	@Override
	public String toString() {
		return "ZmqSocketEvent[" + this.type + " " + this.address + ", " + this.socketType + " socket of "
				+ this.owner.kind().tagValue() + " '" + this.owner.name() + "']";
	}

}
