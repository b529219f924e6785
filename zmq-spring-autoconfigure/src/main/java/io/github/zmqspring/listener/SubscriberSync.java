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

package io.github.zmqspring.listener;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import io.github.zmqspring.ZmqException;
import io.github.zmqspring.core.ZmqAddress;
import io.github.zmqspring.core.ZmqEndpoint;
import io.github.zmqspring.core.ZmqSocketFactory;
import io.github.zmqspring.event.ZmqSocketEventListener;
import io.github.zmqspring.event.ZmqSocketEventType;
import io.github.zmqspring.event.ZmqSocketOwner;

/**
 * The subscriber's side of the classic slow-joiner handshake
 * ({@code @ZmqSubscriber(sync = ...)}). It hands the container an event listener
 * ({@link #watchHandshakes}) that the container installs on the subscriber's SUB socket
 * before it connects, so it sees every ZMTP handshake. {@link #checkIn} then waits until
 * each TCP connection of the subscriber has completed its handshake (so the subscriptions
 * are on their way to the publisher), sends one empty request to the publisher's sync
 * endpoint and waits for the reply, with a fresh REQ socket per attempt opened by the
 * container's socket factory.
 */
final class SubscriberSync {

	static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(5);

	static final int DEFAULT_RETRIES = 2;

	/**
	 * Pause between the last greeting and the check-in. JeroMQ 0.6.0 reports a
	 * connection's handshake after the greeting, one round trip before the subscriptions
	 * leave; and a libzmq publisher attaches a new subscriber only when its own thread
	 * next calls the socket. A check-in on a fresh connection can overtake both, and the
	 * first messages of the burst are lost (seen in about one run in ten); the zguide's
	 * subscriber sleeps a full second for the same reason.
	 */
	static final Duration SUBSCRIPTION_SETTLE_TIME = Duration.ofMillis(200);

	private static final Log logger = LogFactory.getLog(SubscriberSync.class);

	private final ZmqSocketFactory socketFactory;

	private final ZmqEndpoint syncEndpoint;

	private final Duration attemptTimeout;

	private final int attempts;

	private volatile @Nullable HandshakeWatch watch;

	SubscriberSync(ZmqSocketFactory socketFactory, ZmqEndpoint syncEndpoint) {
		this.socketFactory = socketFactory;
		this.syncEndpoint = syncEndpoint;
		Duration timeout = syncEndpoint.options().requestTimeout();
		this.attemptTimeout = (timeout != null && !timeout.isZero() && !timeout.isNegative()) ? timeout
				: DEFAULT_ATTEMPT_TIMEOUT;
		Integer retries = syncEndpoint.options().requestRetries();
		this.attempts = 1 + ((retries != null) ? Math.max(0, retries) : DEFAULT_RETRIES);
	}

	/**
	 * Return the longest time the handshakes and the check-in may take together.
	 * @return the bound
	 */
	Duration maxDuration() {
		// the same budget for the handshakes as for all the check-in attempts
		return this.attemptTimeout.multipliedBy(2L * this.attempts);
	}

	/**
	 * Start watching the handshakes of a new SUB socket on the given endpoint.
	 * @param endpoint the subscriber's endpoint
	 * @return the listener to install on the SUB socket before it connects
	 */
	ZmqSocketEventListener watchHandshakes(ZmqEndpoint endpoint) {
		HandshakeWatch handshakes = new HandshakeWatch(endpoint);
		this.watch = handshakes;
		return (event) -> {
			if (handshakes.expected() > 0 && event.getType() == ZmqSocketEventType.HANDSHAKE_SUCCEEDED) {
				handshakes.handshaken(event.getAddress());
			}
		};
	}

	/**
	 * Wait for the subscriber's handshakes, then check in with the sync endpoint.
	 * @param socket the subscribed SUB socket, on its owning thread
	 * @param source the listener, for messages
	 * @throws ZmqException if a handshake or the reply did not come in time
	 */
	void checkIn(ZMQ.Socket socket, String source) {
		long start = System.nanoTime();
		HandshakeWatch handshakes = this.watch;
		if (handshakes != null && handshakes.expected() > 0) {
			Duration limit = this.attemptTimeout.multipliedBy(this.attempts);
			boolean complete = handshakes.await(limit);
			if (!complete) {
				throw new ZmqException(
						source + " did not complete the ZeroMQ handshake with " + handshakes.describeMissing()
								+ " within " + limit.toMillis() + " ms, so it did not check in with sync endpoint "
								+ describeSync() + ". Is the publisher running and reachable?");
			}
			// a connection that had to be retried asks the socket to send its
			// subscriptions
			// again; the socket does that only when its own thread next calls it
			socket.getEvents();
			settle();
		}
		logger.info(source + " is subscribed; checking in with sync endpoint " + describeSync());
		for (int attempt = 1; attempt <= this.attempts; attempt++) {
			if (requestOnce(source)) {
				logger.info(source + " checked in with sync endpoint " + describeSync() + " after "
						+ TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
				return;
			}
			if (attempt < this.attempts) {
				logger.warn(source + " got no reply from sync endpoint " + describeSync() + " within "
						+ this.attemptTimeout.toMillis() + " ms (attempt " + attempt + " of " + this.attempts
						+ "); checking in again with a new socket");
			}
		}
		throw new ZmqException(source + " got no reply from sync endpoint " + describeSync() + " in " + this.attempts
				+ " attempts of " + this.attemptTimeout.toMillis() + " ms. Is the publisher waiting for subscribers"
				+ " on that address? Set request-timeout / request-retries on the endpoint to wait longer.");
	}

	private static void settle() {
		try {
			Thread.sleep(SUBSCRIPTION_SETTLE_TIME.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private boolean requestOnce(String source) {
		ZMQ.Socket req = this.socketFactory.open(SocketType.REQ, this.syncEndpoint,
				new ZmqSocketOwner(ZmqSocketOwner.Kind.SYNC, this.syncEndpoint.name(), source), (address) -> {
				});
		try {
			int timeout = (int) Math.min(Integer.MAX_VALUE, this.attemptTimeout.toMillis());
			req.setSendTimeOut(timeout);
			req.setReceiveTimeOut(timeout);
			if (!req.send(new byte[0], 0)) {
				return false;
			}
			byte[] reply = req.recv(0);
			while (reply != null && req.hasReceiveMore()) {
				req.recv(0);
			}
			return reply != null;
		}
		finally {
			req.close();
		}
	}

	private String describeSync() {
		return this.syncEndpoint.name().equals(this.syncEndpoint.describeAddresses())
				? this.syncEndpoint.describeAddresses()
				: "'" + this.syncEndpoint.name() + "' (" + this.syncEndpoint.describeAddresses() + ")";
	}

	/**
	 * Collects the addresses whose ZMTP handshake completed; called on JeroMQ's I/O
	 * thread.
	 */
	private static final class HandshakeWatch {

		private final Set<String> connects;

		private final Set<String> handshaken = new HashSet<>();

		HandshakeWatch(ZmqEndpoint endpoint) {
			// inproc connections have no handshake; their subscriptions are delivered
			// directly
			this.connects = endpoint.addresses()
				.stream()
				.filter((address) -> !address.bind() && !address.address().startsWith("inproc://"))
				.map(ZmqAddress::address)
				.collect(Collectors.toSet());
		}

		int expected() {
			return this.connects.size();
		}

		synchronized void handshaken(String address) {
			this.handshaken.add(address);
			notifyAll();
		}

		synchronized boolean await(Duration timeout) {
			long deadline = System.nanoTime() + timeout.toNanos();
			try {
				while (this.handshaken.size() < this.connects.size()) {
					long left = deadline - System.nanoTime();
					if (left <= 0) {
						return false;
					}
					TimeUnit.NANOSECONDS.timedWait(this, left);
				}
				return true;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		synchronized String describeMissing() {
			return (this.handshaken.size() + " of " + this.connects.size() + " publishers at "
					+ String.join(", ", this.connects));
		}

	}

}
