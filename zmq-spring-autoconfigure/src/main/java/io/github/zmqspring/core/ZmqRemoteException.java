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

import org.jspecify.annotations.Nullable;

import io.github.zmqspring.ZmqException;

/**
 * The replier answered with an error reply (see {@link ZmqErrorReply}): its handler
 * threw, or it could not convert the request.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqRemoteException extends ZmqException {

	private final String endpoint;

	private final int status;

	private final String reason;

	private final @Nullable String detail;

	public ZmqRemoteException(String endpoint, int status, String reason, @Nullable String detail) {
		super("Error reply from '" + endpoint + "': " + status + " " + reason
				+ ((detail != null) ? ": " + detail : ""));
		this.endpoint = endpoint;
		this.status = status;
		this.reason = reason;
		this.detail = detail;
	}

	/**
	 * Return the endpoint that answered with the error.
	 * @return the endpoint name or address
	 */
	public String getEndpoint() {
		return this.endpoint;
	}

	/**
	 * Return the status code: {@code 400} when the request could not be converted,
	 * {@code 500} when the handler failed.
	 * @return the status code
	 */
	public int getStatus() {
		return this.status;
	}

	/**
	 * Return the reason phrase of the error reply.
	 * @return the reason phrase
	 */
	public String getReason() {
		return this.reason;
	}

	/**
	 * Return the exception message the replier chose to expose, if any.
	 * @return the detail or {@code null}
	 */
	public @Nullable String getDetail() {
		return this.detail;
	}

}
