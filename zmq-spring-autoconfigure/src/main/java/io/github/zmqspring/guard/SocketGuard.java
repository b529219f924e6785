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
package io.github.zmqspring.guard;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import io.github.zmqspring.support.LogRateLimiter;
import zmq.Msg;
import zmq.ZMQ;
import zmq.io.Metadata;
import zmq.io.net.Address;
import zmq.msg.MsgAllocator;

/**
 * Guards one socket: allocates the frames JeroMQ decodes for it (on the heap, charged to
 * the socket's and the context's receive budget), keeps track of its TCP connections
 * through the socket's event hook, and drops a connection that announces a frame the
 * budget cannot hold, exceeds the per-message frame or size limit, or never completes its
 * handshake. Dropping closes only that connection; the socket and its other peers carry
 * on.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public final class SocketGuard implements MsgAllocator {

	private static final Log logger = LogFactory.getLog(SocketGuard.class);

	private final ZmqReceiveGuard context;

	private final String description;

	private final long maxFrameSize;

	private final @Nullable Duration handshakeDeadline;

	private final DropListener dropListener;

	private final boolean budgeted;

	private final ReceiveBudget budget;

	private final Map<String, ConnectionGuard> byPeer = new ConcurrentHashMap<>();

	private final Map<SocketChannel, ConnectionGuard> byChannel = new ConcurrentHashMap<>();

	private final AtomicLong dropped = new AtomicLong();

	// one line per socket and reason per interval: a flood of hostile connections must
	// not
	// become a flood of log lines
	private final LogRateLimiter dropLog = new LogRateLimiter();

	// the connection of the last frame seen: consecutive frames mostly come from the same
	// one, which saves a map lookup per frame; an immutable pair, so a racy read is safe
	private volatile @Nullable LastConnection last;

	SocketGuard(ZmqReceiveGuard context, String description, long maxFrameSize, @Nullable Duration handshakeDeadline,
			boolean budgeted, DropListener dropListener) {
		this.context = context;
		this.budgeted = budgeted;
		this.description = description;
		this.maxFrameSize = (maxFrameSize >= 0) ? Math.min(maxFrameSize, Integer.MAX_VALUE) : Integer.MAX_VALUE;
		this.handshakeDeadline = handshakeDeadline;
		this.dropListener = dropListener;
		this.budget = new ReceiveBudget(context.limits().socketReceiveBudget());
	}

	/**
	 * Allocate a decoded frame, on JeroMQ's I/O thread. JeroMQ 0.6.0 compares a frame's
	 * 64-bit length with the maximum message size as a signed number and casts it to an
	 * {@code int}, so a size outside the limit can still reach this point; such a frame,
	 * and one the budget cannot hold, gets an empty placeholder that drops its connection
	 * as soon as JeroMQ attributes it.
	 */
	@Override
	public Msg allocate(int size) {
		if (size < 0 || size > this.maxFrameSize) {
			return new GuardedMsg(0, this, true);
		}
		if (size < ReceiveLimits.BUDGETED_FRAME_SIZE || !this.budgeted) {
			return new GuardedMsg(size, this, false);
		}
		if (!this.budget.tryReserve(size)) {
			this.context.budgetExhausted();
			return new GuardedMsg(0, this, true);
		}
		if (!this.context.budget().tryReserve(size)) {
			this.budget.release(size);
			this.context.budgetExhausted();
			return new GuardedMsg(0, this, true);
		}
		GuardedMsg frame = new GuardedMsg(size, this, false);
		frame.reserved(this.context.track(frame, this.budget, size));
		return frame;
	}

	/**
	 * Report a socket event, on the thread JeroMQ raised it on.
	 * @param event the JeroMQ event code
	 * @param argument the event's argument (the channel for connections)
	 */
	public void onEvent(int event, @Nullable Object argument) {
		if (!(argument instanceof SocketChannel channel)) {
			return;
		}
		if (event == ZMQ.ZMQ_EVENT_ACCEPTED || event == ZMQ.ZMQ_EVENT_CONNECTED) {
			String peer = peerOf(channel);
			if (peer == null) {
				return;
			}
			ConnectionGuard connection = this.byPeer.computeIfAbsent(peer, ConnectionGuard::new);
			this.byChannel.put(channel, connection);
			connection.attach(channel);
			if (this.handshakeDeadline != null) {
				this.context.checkHandshake(this, connection, this.handshakeDeadline);
			}
		}
		else if (event == ZMQ.ZMQ_EVENT_DISCONNECTED) {
			ConnectionGuard connection = this.byChannel.remove(channel);
			if (connection != null) {
				this.byPeer.remove(connection.peer(), connection);
				connection.closed();
			}
		}
	}

	void onFrame(GuardedMsg frame, Metadata metadata) {
		ConnectionGuard connection = connectionOf(metadata);
		if (connection.isDropped()) {
			frame.discard();
			return;
		}
		connection.heard();
		if (frame.isRefused()) {
			drop(connection, DropReason.RECEIVE_BUDGET);
			frame.discard();
			return;
		}
		if (frame.isCommand()) {
			return;
		}
		DropReason exceeded = connection.countFrame(frame.size(), frame.hasMore(), this.context.limits());
		if (exceeded != null) {
			drop(connection, exceeded);
			frame.discard();
		}
	}

	/**
	 * Count the connections from a host that are still handshaking as heard from: the
	 * starter's ZAP handler let one of them in, so it completed its security handshake.
	 * CURVE frames never reach the guard (JeroMQ decrypts them into messages of its own),
	 * so for a CURVE server this is how a connection shows it is no peer that stopped
	 * after the greeting.
	 * @param host the IP address the ZAP handler saw
	 */
	public void heardFromHost(String host) {
		String prefix = host + ":";
		for (ConnectionGuard connection : this.byPeer.values()) {
			if (!connection.wasHeard() && connection.peer().startsWith(prefix)) {
				connection.heard();
			}
		}
	}

	void handshakeDeadlinePassed(ConnectionGuard connection) {
		if (!connection.wasHeard() && !connection.isClosed()) {
			drop(connection, DropReason.HANDSHAKE_TIMEOUT);
		}
	}

	/**
	 * Return how many connections this socket dropped.
	 * @return the count since the socket was opened
	 */
	public long droppedConnections() {
		return this.dropped.get();
	}

	/**
	 * Return the bytes this socket's received frames hold that the application has not
	 * read yet.
	 * @return the bytes charged to the socket's budget
	 */
	public long bufferedBytes() {
		return this.budget.used();
	}

	private void drop(ConnectionGuard connection, DropReason reason) {
		if (!connection.drop()) {
			return;
		}
		this.dropped.incrementAndGet();
		this.context.dropped();
		logDrop(connection.peer(), reason);
		try {
			this.dropListener.peerDropped(connection.peer(), reason);
		}
		catch (RuntimeException ex) {
			logger.warn("Drop listener failed for " + this.description, ex);
		}
	}

	private void logDrop(String peer, DropReason reason) {
		this.dropLog.warn(logger, reason.name(),
				() -> "Dropped the connection from " + peer + " to " + this.description + ": " + reason.description(),
				null);
	}

	private ConnectionGuard connectionOf(Metadata metadata) {
		LastConnection recent = this.last;
		if (recent != null && recent.metadata() == metadata) {
			return recent.connection();
		}
		String peer = metadata.get(Metadata.PEER_ADDRESS);
		ConnectionGuard connection = (peer != null) ? this.byPeer.computeIfAbsent(peer, ConnectionGuard::new)
				: new ConnectionGuard("an unknown peer");
		this.last = new LastConnection(metadata, connection);
		return connection;
	}

	private static @Nullable String peerOf(SocketChannel channel) {
		try {
			// the same text JeroMQ puts in a connection's Peer-Address metadata
			return new Address(channel.getRemoteAddress()).address();
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	@Override
	public String toString() {
		return "SocketGuard[" + this.description + "]";
	}

	/**
	 * Receives the connections a guard dropped.
	 */
	@FunctionalInterface
	public interface DropListener {

		/**
		 * Called when a connection was dropped.
		 * @param peer the peer's address
		 * @param reason why
		 */
		void peerDropped(String peer, DropReason reason);

	}

	private record LastConnection(Metadata metadata, ConnectionGuard connection) {
	}

}
