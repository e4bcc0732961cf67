import type { DemoPanel } from "@tobira/protocol";
import { useI18n } from "../../i18n/i18n";
import { formatDoorState } from "../access/agent-labels";
import { DoorDrawing } from "./door-drawing";

type PanelReader = DemoPanel["readers"][number];

interface ReaderChoiceProps {
  readers: readonly PanelReader[];
  selected: number | null;
  onSelect: (readerId: number) => void;
}

/** One toggle button per reader, each drawing its door as it is now. */
export function ReaderChoice({ readers, selected, onSelect }: ReaderChoiceProps) {
  const { t } = useI18n();
  return (
    <fieldset className="demo-readers">
      <legend>{t("demo.readers")}</legend>
      {readers.length === 0 ? <p className="empty">{t("demo.noReaders")}</p> : null}
      <ul className="demo-readers__list">
        {readers.map((reader) => {
          const stateText = formatDoorState(reader.state, t);
          return (
            <li key={reader.readerId}>
              <button
                type="button"
                className="demo-reader"
                aria-pressed={selected === reader.readerId}
                onClick={() => onSelect(reader.readerId)}
              >
                <span className="demo-reader__name">{reader.doorName ?? reader.readerName}</span>
                {reader.doorName === null ? null : (
                  <span className="demo-reader__sub">{reader.readerName}</span>
                )}
                <DoorDrawing state={reader.state} />
                <span className="demo-reader__state">{stateText}</span>
                {reader.prompt === null ? null : (
                  <span className="demo-reader__prompt">
                    {t("demo.readerPrompt", { prompt: reader.prompt })}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
