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

import org.jspecify.annotations.Nullable;

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

	private @Nullable Duration handlerTimeout;

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

	/**
	 * Set how long the method may take: a request not answered by then is answered with
	 * {@code 504 Gateway Timeout}, the method is interrupted and its late reply is
	 * discarded. The requests go through a proxy thread, also with a concurrency of one.
	 * @param handlerTimeout the timeout, {@code null} for none
	 */
	public void setHandlerTimeout(@Nullable Duration handlerTimeout) {
		this.handlerTimeout = (handlerTimeout != null && !handlerTimeout.isNegative() && !handlerTimeout.isZero())
				? handlerTimeout : null;
	}

	@Override
	protected @Nullable Duration getHandlerTimeout() {
		return this.handlerTimeout;
	}

	@Override
	protected ZmqFrames process(ZmqFrames request) {
		Object result;
		try {
			result = getAdapter().invoke(request, null, request.size());
		}
		catch (Exception ex) {
			if (ZmqListenerMethodAdapter.isConversionFailure(ex)) {
				rejected(request, ex);
				return errorReply(ZmqErrorReply.BAD_REQUEST, ex);
			}
			return handlerFailed(ex);
		}
		try {
			ZmqFrames reply = this.converter.toFrames(result);
			handled();
			return reply;
		}
		catch (RuntimeException ex) {
			// the request was fine; the server could not write its own answer
			return handlerFailed(ex);
		}
	}

	@Override
	protected ZmqFrames failureReply() {
		return ZmqFrames.of(ZmqErrorReply.HANDLER_ERROR.toFrame());
	}

	private ZmqFrames handlerFailed(Exception ex) {
		failed(ex);
		if (this.handlerTimeout != null && (ex instanceof InterruptedException
				|| ex.getCause() instanceof InterruptedException || Thread.currentThread().isInterrupted())) {
			log().failed("interrupted", "was interrupted after the handler timeout", ex, "");
		}
		else {
			log().failed("failed", "failed to handle a request", ex,
					"replied " + ZmqErrorReply.HANDLER_ERROR.status() + " " + ZmqErrorReply.HANDLER_ERROR.reason());
		}
		return errorReply(ZmqErrorReply.HANDLER_ERROR, ex);
	}

	private ZmqFrames errorReply(ZmqErrorReply error, Exception ex) {
		@Nullable String detail = this.includeErrorMessage ? ex.getMessage() : null;
		return ZmqFrames.of(error.withDetail(detail).toFrame());
	}

}
