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

import org.jspecify.annotations.Nullable;

/**
 * What the guard knows about one TCP connection of a socket: the channel to close it by,
 * whether anything arrived after its handshake, and the message being received. The frame
 * counters are only touched by the JeroMQ I/O thread that decodes this connection.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
final class ConnectionGuard {

	private final String peer;

	private volatile @Nullable SocketChannel channel;

	private volatile boolean heard;

	private volatile boolean dropped;

	private volatile boolean closed;

	private int frames;

	private long bytes;

	ConnectionGuard(String peer) {
		this.peer = peer;
	}

	String peer() {
		return this.peer;
	}

	void attach(SocketChannel channel) {
		this.channel = channel;
		if (this.dropped) {
			// dropped before JeroMQ reported the connection (another I/O thread decoded
			// first): close it now
			shutdown(channel);
		}
	}

	void heard() {
		if (!this.heard) {
			this.heard = true;
		}
	}

	boolean wasHeard() {
		return this.heard;
	}

	boolean isDropped() {
		return this.dropped;
	}

	void closed() {
		this.closed = true;
	}

	boolean isClosed() {
		return this.closed;
	}

	/**
	 * Count a data frame of the message being received.
	 * @param size the frame's size
	 * @param more whether more frames of the same message follow
	 * @param limits the limits to check
	 * @return the limit exceeded, or {@code null}
	 */
	@Nullable DropReason countFrame(int size, boolean more, ReceiveLimits limits) {
		this.frames++;
		this.bytes += size;
		DropReason exceeded = null;
		if (this.frames > limits.maxFrames()) {
			exceeded = DropReason.FRAME_COUNT;
		}
		else if (this.bytes > limits.maxMultipartSize()) {
			exceeded = DropReason.MULTIPART_SIZE;
		}
		if (!more) {
			this.frames = 0;
			this.bytes = 0;
		}
		return exceeded;
	}

	/**
	 * Mark the connection dropped and shut its channel down, so that JeroMQ's I/O thread
	 * reads end-of-stream and tears the connection down the way it does for any peer that
	 * went away (half-received messages are rolled back, nothing is delivered).
	 * @return {@code false} if it was dropped already
	 */
	boolean drop() {
		if (this.dropped) {
			return false;
		}
		this.dropped = true;
		SocketChannel current = this.channel;
		if (current != null) {
			shutdown(current);
		}
		return true;
	}

	private static void shutdown(SocketChannel channel) {
		try {
			channel.shutdownInput();
			channel.shutdownOutput();
		}
		catch (IOException | RuntimeException ex) {
			// closed already: JeroMQ tears the connection down anyway
		}
	}

}
