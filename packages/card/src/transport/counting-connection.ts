import type { CardConnection } from "./transport";

export interface ExchangeCount {
  apdus: number;
  bytesSent: number;
  bytesReceived: number;
}

/** Wraps a connection to count APDUs and bytes each way (benchmarks, and tests of round trips). */
export function countExchanges(connection: CardConnection): {
  connection: CardConnection;
  count: ExchangeCount;
} {
  const count: ExchangeCount = { apdus: 0, bytesSent: 0, bytesReceived: 0 };
  return {
    count,
    connection: {
      readerName: connection.readerName,
      atr: connection.atr,
      disconnect: () => connection.disconnect(),
      async transmit(command) {
        const response = await connection.transmit(command);
        count.apdus += 1;
        count.bytesSent += command.length;
        count.bytesReceived += response.length;
        return response;
      },
    },
  };
}
