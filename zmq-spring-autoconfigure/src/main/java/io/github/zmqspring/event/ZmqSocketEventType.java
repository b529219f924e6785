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

import org.jspecify.annotations.Nullable;
import org.zeromq.ZMQ;

/**
 * What happened to a socket's connection or listening address, as JeroMQ reports it
 * through its socket event hook.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public enum ZmqSocketEventType {

	/** The socket listens on an address ({@code tcp://*:*} resolved to the real port). */
	BOUND(ZMQ.EVENT_LISTENING),

	/** A bind failed. */
	BIND_FAILED(ZMQ.EVENT_BIND_FAILED),

	/** A connecting socket established a TCP connection. */
	CONNECTED(ZMQ.EVENT_CONNECTED),

	/** A connecting socket will try again after its reconnect interval. */
	CONNECT_RETRIED(ZMQ.EVENT_CONNECT_RETRIED),

	/** A bound socket accepted a connection from a peer. */
	ACCEPTED(ZMQ.EVENT_ACCEPTED),

	/** A bound socket could not accept a connection. */
	ACCEPT_FAILED(ZMQ.EVENT_ACCEPT_FAILED),

	/** A connection completed the ZMTP greeting; messages can flow. */
	HANDSHAKE_SUCCEEDED(ZMQ.EVENT_HANDSHAKE_PROTOCOL),

	/** A connection failed the ZMTP handshake (protocol or security error). */
	HANDSHAKE_FAILED(ZMQ.HANDSHAKE_FAILED_NO_DETAIL | ZMQ.HANDSHAKE_FAILED_PROTOCOL | ZMQ.HANDSHAKE_FAILED_AUTH),

	/** A connection ended (peer gone, network error, or a peer sent invalid data). */
	DISCONNECTED(ZMQ.EVENT_DISCONNECTED),

	/** A listening address or a pending connect was closed. */
	CLOSED(ZMQ.EVENT_CLOSED),

	/**
	 * The starter dropped a peer's connection because it broke a receive limit or did not
	 * complete its handshake in time; the event's value is the
	 * {@link io.github.zmqspring.guard.DropReason}'s ordinal. Not a JeroMQ event.
	 */
	PEER_DROPPED(0),

	/**
	 * The starter's ZAP handler refused a peer's handshake: an unknown CURVE client key,
	 * wrong PLAIN credentials or a denied IP address; the event's value is the
	 * {@link io.github.zmqspring.security.RefusalReason}'s ordinal. Not a JeroMQ event.
	 */
	PEER_REFUSED(0);

	private static final ZmqSocketEventType[] VALUES = values();

	private final int mask;

	ZmqSocketEventType(int mask) {
		this.mask = mask;
	}

	/**
	 * Return the JeroMQ event bits that map to this type.
	 * @return the event mask
	 */
	public int mask() {
		return this.mask;
	}

	/**
	 * Return the JeroMQ event bits of every type.
	 * @return the event mask for a hook that sees all types
	 */
	public static int allMask() {
		int mask = 0;
		for (ZmqSocketEventType type : VALUES) {
			mask |= type.mask;
		}
		return mask;
	}

	/**
	 * Map a JeroMQ event code.
	 * @param event the event bit
	 * @return the type, or {@code null} for events not reported
	 */
	public static @Nullable ZmqSocketEventType of(int event) {
		for (ZmqSocketEventType type : VALUES) {
			if ((type.mask & event) != 0) {
				return type;
			}
		}
		return null;
	}

}
