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

package io.github.zmqspring.support;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * A {@link SocketThread} that polls several sockets and is stopped through an
 * {@code inproc} PULL control socket: {@link #requestStop()} sends {@code TERMINATE} (and
 * {@link #sendControl} any other command) from the calling thread on a short-lived PUSH
 * socket of its own, so no socket of this thread is ever touched from another one, no
 * interrupt is needed, and several threads may send commands at once. Internal to
 * zmq-spring.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public abstract class ControlledSocketThread extends SocketThread {

	private static final byte[] TERMINATE = "TERMINATE".getBytes(StandardCharsets.US_ASCII);

	private static final Log logger = LogFactory.getLog(ControlledSocketThread.class);

	private final ZContext context;

	private final String controlAddress;

	protected ControlledSocketThread(String name, ZContext context, String controlAddress) {
		super(name);
		this.context = context;
		this.controlAddress = controlAddress;
	}

	/**
	 * Return the context this thread creates its sockets in.
	 * @return the context
	 */
	protected ZContext getContext() {
		return this.context;
	}

	/**
	 * Create and bind the control socket; call on this thread before reporting ready.
	 * @return the control socket, owned by this thread
	 */
	protected ZMQ.Socket openControlSocket() {
		ZMQ.Socket control = this.context.createSocket(SocketType.PULL);
		try {
			control.setLinger(0);
			control.bind(this.controlAddress);
			return control;
		}
		catch (RuntimeException ex) {
			control.close();
			throw ex;
		}
	}

	/**
	 * Return whether a message read from the control socket asks this thread to stop.
	 * @param command the message
	 * @return {@code true} for {@code TERMINATE}
	 */
	protected static boolean isTerminate(byte[] command) {
		return Arrays.equals(command, TERMINATE);
	}

	/**
	 * Send {@code TERMINATE} to the control socket, from any thread, without waiting.
	 */
	@Override
	public void requestStop() {
		sendControl(TERMINATE);
	}

	/**
	 * Send a one-frame command to the control socket, from any thread, without waiting.
	 * @param command the command
	 */
	protected void sendControl(byte[] command) {
		if (isTerminated()) {
			return;
		}
		try (ZMQ.Socket control = this.context.createSocket(SocketType.PUSH)) {
			control.setLinger(1000);
			control.connect(this.controlAddress);
			control.send(command, 0);
		}
		catch (ZMQException ex) {
			logger.debug("Could not send a command to " + getName(), ex);
		}
	}

}
