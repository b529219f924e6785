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

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import io.github.zmqspring.convert.ZmqFrames;

/**
 * Reads and writes whole multipart messages on a socket, for every listener thread: the
 * one place that turns JeroMQ's frame-by-frame calls into {@link ZmqFrames}.
 */
final class FrameIo {

	private FrameIo() {
	}

	/**
	 * Receive one whole message.
	 * @param socket the socket, on its owning thread
	 * @param flags {@code 0} to wait, {@link ZMQ#DONTWAIT} not to
	 * @param cancellation cancels a waiting receive from another thread, or {@code null}
	 * @return the frames, or {@code null} when nothing was received (nothing waiting, a
	 * timeout, or the receive was cancelled)
	 * @throws ZMQException on a socket error
	 */
	static @Nullable ZmqFrames receive(ZMQ.Socket socket, int flags, ZMQ.@Nullable CancellationToken cancellation) {
		byte[] first = (cancellation != null) ? socket.recv(flags, cancellation) : socket.recv(flags);
		if (first == null) {
			return null;
		}
		if (!socket.hasReceiveMore()) {
			return ZmqFrames.of(first);
		}
		List<byte[]> frames = new ArrayList<>(4);
		frames.add(first);
		while (socket.hasReceiveMore()) {
			frames.add(socket.recv(0));
		}
		return ZmqFrames.of(frames);
	}

	/**
	 * Send the frames of a message; the last one with {@code lastFlags}.
	 * @param socket the socket, on its owning thread
	 * @param frames the frames
	 * @param lastFlags {@link ZMQ#SNDMORE} when more frames follow, else {@code 0}
	 */
	static void send(ZMQ.Socket socket, ZmqFrames frames, int lastFlags) {
		int last = frames.size() - 1;
		for (int i = 0; i <= last; i++) {
			socket.send(frames.frame(i), (i < last) ? ZMQ.SNDMORE : lastFlags);
		}
	}

	/**
	 * Send a reply after its envelope.
	 * @param socket the ROUTER socket, on its owning thread
	 * @param envelope the routing frames up to and including the empty delimiter
	 * @param reply the reply frames
	 */
	static void reply(ZMQ.Socket socket, ZmqFrames envelope, ZmqFrames reply) {
		send(socket, envelope, ZMQ.SNDMORE);
		send(socket, reply, 0);
	}

	/**
	 * Return whether an exception only says that a receive was cancelled, interrupted or
	 * ended by the context closing.
	 * @param ex the exception
	 * @return whether it is a stop signal rather than a failure
	 */
	static boolean isStopSignal(ZMQException ex) {
		int code = ex.getErrorCode();
		return code == zmq.ZError.ECANCELED || code == zmq.ZError.ETERM || code == zmq.ZError.EINTR;
	}

}
