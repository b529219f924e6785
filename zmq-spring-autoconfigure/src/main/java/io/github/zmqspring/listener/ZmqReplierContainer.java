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

import org.jspecify.annotations.Nullable;
import org.zeromq.ZMQ;

import io.github.zmqspring.config.ZmqListenerEndpoint;
import io.github.zmqspring.convert.ZmqFrames;
import io.github.zmqspring.convert.ZmqMessageConverter;
import io.github.zmqspring.core.ZmqEndpoint;
import io.github.zmqspring.core.ZmqErrorReply;
import io.github.zmqspring.core.ZmqSocketFactory;

/**
 * Container of a {@code @ZmqReplier} method: receives a request, calls the method and
 * always sends exactly one reply, an error reply ({@link ZmqErrorReply}) when the request
 * cannot be converted or the method throws, so no client is left waiting and the socket
 * never gets stuck.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqReplierContainer extends AbstractZmqListenerContainer {

	private final ZmqMessageConverter converter;

	private boolean includeErrorMessage;

	public ZmqReplierContainer(ZmqListenerEndpoint listener, ZmqEndpoint endpoint, ZmqSocketFactory socketFactory,
			ZmqListenerMethodAdapter adapter, ZmqMessageConverter converter) {
		super(listener, endpoint, socketFactory, adapter);
		this.converter = converter;
	}

	/**
	 * Set whether error replies carry the exception message (off by default, so nothing
	 * about the server's internals leaks to clients).
	 * @param includeErrorMessage whether to include the message
	 */
	public void setIncludeErrorMessage(boolean includeErrorMessage) {
		this.includeErrorMessage = includeErrorMessage;
	}

	@Override
	protected void process(ZMQ.Socket socket, ZmqFrames request) {
		ZmqFrames reply = handle(request);
		int last = reply.size() - 1;
		for (int i = 0; i <= last; i++) {
			socket.send(reply.frame(i), (i < last) ? ZMQ.SNDMORE : 0);
		}
	}

	private ZmqFrames handle(ZmqFrames request) {
		Object result;
		try {
			result = getAdapter().invoke(request, null, request.size());
		}
		catch (Exception ex) {
			if (ZmqListenerMethodAdapter.isConversionFailure(ex)) {
				this.logger.warn("Listener '" + getListenerId() + "' rejected a request of " + request
						+ " it could not convert: " + ex.getMessage());
				return errorReply(ZmqErrorReply.BAD_REQUEST, ex);
			}
			return handlerFailed(ex);
		}
		try {
			return this.converter.toFrames(result);
		}
		catch (RuntimeException ex) {
			// the request was fine; the server could not write its own answer
			return handlerFailed(ex);
		}
	}

	private ZmqFrames handlerFailed(Exception ex) {
		this.logger.error("Listener '" + getListenerId() + "' failed to handle a request; replying with an error", ex);
		return errorReply(ZmqErrorReply.HANDLER_ERROR, ex);
	}

	private ZmqFrames errorReply(ZmqErrorReply error, Exception ex) {
		@Nullable String detail = this.includeErrorMessage ? ex.getMessage() : null;
		return ZmqFrames.of(error.withDetail(detail).toFrame());
	}

}
